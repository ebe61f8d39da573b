"""MT throughput: a 40-sentence story into one language with a transformer-base-shaped model.

Compares, in one run and on one model:
  pipeline  our translate_document() (ICU sentences, markup, glossary, batching)
  direct    the same sentences sent straight to CTranslate2 with the same batch and beam
  argos     Argos Translate's own translate() with its defaults (beam 4, token batches of 32,
            4 hypotheses, per-paragraph batching); its default sentence splitter downloads
            a MiniSBD model on first use, so it gets ICU's splitter instead.

The model is 6+6 layers, d_model 512, 8 heads, FFN 2048, an 8,000-token vocabulary: the
hand-wired copy model of tests/translations/modelkit.py, whose output ends where a
real translation would. Run:  make bench-mt   (or .venv/bin/python -m benchmarks.mt_throughput)
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()

from django.conf import settings  # noqa: E402

from tests.translations import modelkit  # noqa: E402
from translations.engines import registry, store  # noqa: E402
from translations.engines.ct2 import run_batch  # noqa: E402
from translations.pipeline import translate_document  # noqa: E402
from translations.segmentation import split_sentences  # noqa: E402

BEAM, BATCH, REPEATS = 2, 32, 3
SENTENCES = [
    "Vịnh Hạ Long ở tỉnh Quảng Ninh là Di sản Thế giới được UNESCO ghi danh từ năm 1994.",
    "Các đảo đá vôi dựng đứng từ mặt biển.",
    "Nhiều đảo có hang động được nước bào mòn qua hàng triệu năm.",
    "Du khách khám phá vịnh bằng tàu và thuyền kayak.",
    "Hội An là một thương cảng sầm uất từ thế kỷ XV đến thế kỷ XIX.",
    "Thương nhân Nhật Bản, Trung Hoa và châu Âu từng đến đây buôn bán.",
    "Việt Nam là nước xuất khẩu cà phê lớn thứ hai thế giới.",
    "Năm 2024, giá trị xuất khẩu cà phê vượt 5 tỷ đô la Mỹ.",
    "Tết là ngày lễ quan trọng nhất trong năm của người Việt.",
    "Trước Tết, các gia đình dọn dẹp nhà cửa và gói bánh chưng.",
]


def story() -> str:
    sentences = []
    for number in range(40):
        base = SENTENCES[number % len(SENTENCES)]
        sentences.append(base if number < 10 else f"{base[:-1]} (phần {number}).")
    return " ".join(sentences)


def build_package(folder: Path, sp_bytes: bytes) -> Path:
    vocab = modelkit.vocabulary(sp_bytes)
    root = folder / "translate-vi_en-base"
    root.mkdir()
    (root / "sentencepiece.model").write_bytes(sp_bytes)
    (root / "metadata.json").write_text(
        json.dumps({"package_version": "1.0", "argos_version": "1.9.0", "from_code": "vi",
                    "to_code": "en", "from_name": "Vietnamese", "to_name": "English",
                    "type": "translate"})
    )  # fmt: skip
    modelkit.build_copy_model(
        root / "model",
        vocab,
        extra_tokens=[f"<extra{i}>" for i in range(8000 - len(vocab))],
        d_model=512,
        layers=6,
        heads=8,
        ffn_dim=2048,
    )
    return modelkit._zip_directory(root, folder / "translate-vi_en-base.argosmodel")


def best_rate(sentences: int, action) -> tuple[float, float]:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return sentences / min(times), statistics.median(times)


def main() -> int:
    text = story()
    work = Path(tempfile.mkdtemp(prefix="bench-mt-"))
    settings.MT_MODELS_DIR = work / "models"
    settings.MT_DECODING = {"beam_size": BEAM, "max_batch_size": BATCH}
    print("Building a transformer-base-shaped model...", flush=True)
    package = build_package(work, modelkit.train_sentencepiece())
    store.install(package)
    registry.clear_cache()
    reg = registry.Registry()
    engine = reg.engine(reg.route("vi", "en")[0])
    sentences = [s.strip() for s in split_sentences(text, "vi")]
    assert len(sentences) == 40, len(sentences)

    translate_document([text], "vi", "en", registry=reg)  # load and warm up
    pipeline_rate, pipeline_time = best_rate(
        40, lambda: translate_document([text], "vi", "en", registry=reg)
    )
    tokens = engine.sp.encode(sentences, out_type=str)
    direct_rate, direct_time = best_rate(
        40,
        lambda: [engine.sp.decode(t) for t in run_batch(engine.translator, tokens, engine.options)],
    )

    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "argos-packages")
    os.environ["ARGOS_DEVICE_TYPE"] = "cpu"
    import argostranslate.package
    import argostranslate.translate

    argostranslate.package.install_from_path(package)
    argos = argostranslate.translate.get_translation_from_codes("vi", "en")
    underlying = getattr(argos, "underlying", argos)

    class IcuSentencizer:
        def split_sentences(self, value: str) -> list[str]:
            return [s.strip() for s in split_sentences(value, "vi")]

    underlying.sentencizer = IcuSentencizer()
    # CachedTranslation would answer repeats from its cache: time the real translation.
    underlying.translate(text)  # load and warm up
    argos_rate, argos_time = best_rate(40, lambda: underlying.translate(text))

    same = translate_document([text], "vi", "en", registry=reg).strings[0] == text
    ratio = pipeline_rate / direct_rate
    speedup = pipeline_rate / argos_rate
    print(
        f"40 sentences vi→en, beam {BEAM}, batch {BATCH}, {os.cpu_count()} cores, best of {REPEATS}"
    )
    print(f"  pipeline   {pipeline_rate:7.2f} sentences/s   (median {pipeline_time:.2f} s)")
    print(f"  direct     {direct_rate:7.2f} sentences/s   (median {direct_time:.2f} s)")
    print(f"  argos      {argos_rate:7.2f} sentences/s   (median {argos_time:.2f} s)")
    print(f"  pipeline / direct = {ratio:.2f}   (must be >= 0.80)")
    print(f"  pipeline / argos  = {speedup:.2f}x  (must be >= 3)")
    print(f"  output equals input through the copy model: {same}")
    return 0 if ratio >= 0.8 and speedup >= 3 and same else 1


if __name__ == "__main__":
    sys.exit(main())
