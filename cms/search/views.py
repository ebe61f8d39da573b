"""The public search page, its JSON twin, and autocomplete. The views never branch on the
backend: they call ``service``. What each parameter accepts is in ``forms``: a malformed
one gets a 400 (a page, or ``{"error": ...}``), an unusable filter is ignored with a
notice."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.core.pages import HOME_DEPTH
from cms.core.params import bad_request, bad_request_json
from cms.taxonomy.models import Province

from .backends.base import QueryError, SearchQuery
from .documents import section_page_models
from .forms import SearchForm, SuggestForm
from .highlight import highlight
from .models import Kind
from .service import search, suggest

PAGE_SIZE = 10


def _run(form: SearchForm) -> dict:
    """The context of a search; call only when ``form.rejection()`` is None."""
    language = get_language()
    context = {"form": form, "language": language, "results": None, "error": ""}
    data = form.usable()
    if not data.get("q"):
        return context
    if form.ignored:
        context["error"] = _("Some filters were not understood and were ignored.")
    page = data.get("page") or 1
    query = SearchQuery(
        text=data["q"],
        language=None if data.get("all_languages") else language,
        kinds=tuple(data.get("type") or ()),
        section=data.get("section") or "",
        province=data["province"].code if data.get("province") else "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        offset=(page - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
    )
    try:
        results = search(query)
    except QueryError as error:
        context["error"] = str(error)
        return context
    terms = [*query.terms, query.whole]
    context["results"] = results
    labels = dict(Kind.choices)
    context["counts"] = [(labels.get(kind, kind), count) for kind, count in results.counts.items()]
    context["hits"] = [
        {
            "hit": hit,
            "kind": labels.get(hit.kind, hit.kind),
            "title": highlight(hit.title, terms),
            "snippet": highlight(hit.body, terms, snippet=True),
        }
        for hit in results.hits
    ]
    context["page"] = page
    context["pages"] = (results.total + PAGE_SIZE - 1) // PAGE_SIZE
    return context


def search_view(request):
    form = SearchForm(request.GET)
    if problem := form.rejection():
        return bad_request(request, problem)
    context = _run(form)
    context["sections"] = (
        Page.objects.live()
        .type(*section_page_models())
        .filter(depth__gt=HOME_DEPTH, locale__language_code=get_language())
    )
    context["provinces"] = Province.objects.all()
    params = request.GET.copy()
    params.pop("page", None)
    context["query_string"] = params.urlencode()
    return render(request, "search/search.html", context)


def search_json(request):
    form = SearchForm(request.GET)
    if problem := form.rejection():
        return bad_request_json(problem)
    context = _run(form)
    if context["results"] is None:
        return bad_request_json(context["error"] or _("Give a query in the q parameter."))
    results = context["results"]
    return JsonResponse(
        {
            "query": results.query.text,
            "language": results.query.language,
            "mode": results.mode,
            "total": results.total,
            "counts": results.counts,
            "page": context["page"],
            "pages": context["pages"],
            "warning": context["error"],
            "results": [
                {
                    "kind": row["hit"].kind,
                    "title": row["hit"].title,
                    "url": row["hit"].url,
                    "language": row["hit"].language,
                    "date": row["hit"].date.isoformat() if row["hit"].date else None,
                    "snippet": str(row["snippet"]),
                    "score": row["hit"].score,
                }
                for row in context["hits"]
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def suggest_view(request):
    form = SuggestForm(request.GET)
    if problem := form.rejection():
        return bad_request_json(problem)
    data = form.usable()
    language = None if data.get("all_languages") else get_language()
    return JsonResponse(
        {"suggestions": suggest(data.get("q") or "", language)},
        json_dumps_params={"ensure_ascii": False},
    )
