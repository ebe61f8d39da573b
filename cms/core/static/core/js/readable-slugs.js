/*
 * Readable slugs in the admin's slug field while a title is typed.
 *
 * Wagtail's w-slug controller turns the title into a slug in the browser (urlify). Without
 * help it drops the Vietnamese letters it has no table for ("Rừng bậc thang" ->
 * "rung-bc-thang"). This script folds the value first with the rules of
 * cms/text/slugs.py (given by the server as JSON): Latin letters lose their marks but stay,
 * Lao, Khmer and Russian are romanized, and for Chinese, Japanese and Korean pages the
 * slug keeps its own script. Slugs are cut at a word boundary like on the server.
 */
(() => {
  const rulesElement = document.getElementById('readable-slug-rules');
  const app = window.wagtail && window.wagtail.app;
  const module = app && app.router.modulesByIdentifier.get('w-slug');
  if (!rulesElement || !module) return;
  const rules = JSON.parse(rulesElement.textContent);
  const laoRules = rules.laoRules.map(([pattern, replacement]) => [
    new RegExp(pattern, 'gu'),
    replacement,
  ]);
  const joiners = new RegExp(`[${rules.joiners.replace(/[\]\\^-]/g, '\\$&')}]`, 'gu');

  const baseLanguage = (language) =>
    (language || '').toLowerCase().replace('_', '-').split('-')[0];
  const usesUnicode = (language) => rules.unicodeLanguages.includes(baseLanguage(language));
  const isLatin = (char) => {
    const code = char.codePointAt(0);
    return /\p{L}/u.test(char) && (code < 0x250 || (code >= 0x1e00 && code <= 0x1eff));
  };

  const foldLatin = (text) => {
    const kept = [];
    let afterLatin = false;
    for (const char of text.normalize('NFD')) {
      if (/\p{M}/u.test(char)) {
        if (!afterLatin) kept.push(char);
      } else {
        afterLatin = isLatin(char);
        kept.push(rules.latin[char] ?? char);
      }
    }
    return kept.join('').normalize('NFC');
  };

  const fold = (value, language) => {
    let text = foldLatin(value.normalize('NFKC')).replace(joiners, '');
    if (usesUnicode(language)) return text.replace(/[^\p{L}\p{N}]+/gu, ' ');
    laoRules.forEach(([pattern, replacement]) => {
      text = text.replace(pattern, replacement);
    });
    text = Array.from(text, (char) => rules.letters[char] ?? char).join('');
    return text.replace(/[^A-Za-z0-9]+/g, ' ');
  };

  const cut = (slug, language) => {
    const limit = usesUnicode(language) ? rules.unicodeMaxLength : rules.maxLength;
    const chars = Array.from(slug);
    if (chars.length <= limit) return slug;
    const head = chars.slice(0, limit + 1).join('');
    if (head.includes('-')) return head.slice(0, head.lastIndexOf('-')).replace(/-+$/, '');
    let end = 0;
    const words = new Intl.Segmenter(language || undefined, { granularity: 'word' });
    for (const { index, segment } of words.segment(slug)) {
      const next = Array.from(slug.slice(0, index + segment.length)).length;
      if (next > limit) break;
      end = index + segment.length;
    }
    return slug.slice(0, end) || chars.slice(0, limit).join('');
  };

  const Controller = module.controllerConstructor;
  const { prepareValue, urlify } = Controller.prototype;
  const languageOf = (controller) =>
    controller.localeValue || (window.wagtailConfig || {}).ACTIVE_CONTENT_LOCALE || '';

  Controller.prototype.prepareValue = function prepareReadable(value = '', options = {}) {
    const language = languageOf(this);
    if (usesUnicode(language)) this.allowUnicodeValue = true;
    return prepareValue.call(this, fold(value, language), options);
  };

  Controller.prototype.urlify = function urlifyReadable(event, options = {}) {
    const slug = urlify.call(this, event, options);
    const short = cut(slug, languageOf(this));
    if (short !== slug && !options.ignoreUpdate) this.element.value = short;
    return short;
  };
})();
