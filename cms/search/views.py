"""The public search page, its JSON twin, and autocomplete. The views never branch on the
backend: they call ``service``."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.stories.models import SectionPage
from cms.taxonomy.models import Province

from .backends.base import QueryError, SearchQuery
from .forms import SearchForm
from .highlight import highlight
from .models import Kind
from .service import search, suggest

PAGE_SIZE = 10


def _run(request):
    form = SearchForm(request.GET or None)
    language = get_language()
    context = {"form": form, "language": language, "results": None, "error": ""}
    if not request.GET.get("q"):
        return context
    if not form.is_valid():
        context["error"] = _("Some filters were not understood and were ignored.")
        data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    else:
        data = form.cleaned_data
    page = data.get("page") or 1
    query = SearchQuery(
        text=data.get("q") or request.GET.get("q", ""),
        language=None if data.get("all_languages") else language,
        kinds=tuple(data.get("type") or ()),
        section=data.get("section") or "",
        province=data.get("province") or "",
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
    context = _run(request)
    context["sections"] = SectionPage.objects.live().filter(locale__language_code=get_language())
    context["provinces"] = Province.objects.all()
    params = request.GET.copy()
    params.pop("page", None)
    context["query_string"] = params.urlencode()
    return render(request, "search/search.html", context)


def search_json(request):
    context = _run(request)
    if context["results"] is None:
        message = context["error"] or _("Give a query in the q parameter.")
        return JsonResponse({"error": message}, status=400)
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
    prefix = request.GET.get("q", "")
    every = request.GET.get("all_languages") in ("1", "true", "on")
    return JsonResponse(
        {"suggestions": suggest(prefix, None if every else get_language())},
        json_dumps_params={"ensure_ascii": False},
    )
