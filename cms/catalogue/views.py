"""The open catalogue: a filterable list of every published page, exported as CSV or
JSON (streamed, any size) with the columns of ``schema``."""

import csv
import json
from collections.abc import Iterator

from django.core.paginator import Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.core.params import bad_request, bad_request_json
from cms.taxonomy.models import Province, Topic

from .entries import all_entries, catalogue_rows, content_kinds, entries, licences
from .params import CatalogueParams
from .schema import NAMES, schema_json

PER_PAGE = 50


class Echo:
    """A file-like object whose write returns the line: csv.writer then yields text."""

    def write(self, value: str) -> str:
        return value


def csv_lines(request, filters) -> Iterator[str]:
    writer = csv.writer(Echo())
    yield writer.writerow(NAMES)
    for entry in all_entries(request, filters):
        entry["topics"] = ";".join(entry["topics"])
        yield writer.writerow([entry[name] for name in NAMES])


def json_chunks(request, filters) -> Iterator[str]:
    schema = request.build_absolute_uri(reverse("catalogue:schema"))
    yield '{"schema": ' + json.dumps(schema) + ', "items": ['
    for index, entry in enumerate(all_entries(request, filters)):
        yield ("," if index else "") + "\n" + json.dumps(entry, ensure_ascii=False)
    yield "\n]}\n"


def export_query(request, fmt: str) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = fmt
    return query.urlencode()


@require_GET
def catalogue(request):
    params = CatalogueParams(request.GET)
    if problem := params.problem():
        if request.GET.get("format") == "json":
            return bad_request_json(problem)
        return bad_request(request, problem)
    fmt = params.cleaned_data.get("format") or "html"
    filters = params.filters()
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(request, filters), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="catalogue.csv"'
        return response
    if fmt == "json":
        return StreamingHttpResponse(
            json_chunks(request, filters), content_type="application/json; charset=utf-8"
        )
    paginator = Paginator(catalogue_rows(filters), PER_PAGE)
    page = paginator.get_page(params.cleaned_data.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "entries": entries(request, page.object_list),
        "page_obj": page,
        "count": paginator.count,
        "params": params,
        "kinds": content_kinds(),
        "provinces": Province.objects.order_by("number"),
        "topics": Topic.objects.order_by("slug"),
        "licences": licences(),
        "language_choices": params.fields["language"].choices[1:],
        "query": query.urlencode(),
        "csv_query": export_query(request, "csv"),
        "json_query": export_query(request, "json"),
        "title": _("Open catalogue"),
    }
    return render(request, "catalogue/catalogue.html", context)


@require_GET
def schema(request):
    return JsonResponse(schema_json(), json_dumps_params={"ensure_ascii": False})
