"""The editorial roles and their permissions.

- Editors own the source-language tree.
- Translators (xx) edit drafts in the xx tree only and cannot publish.
- Reviewers (xx) edit and publish in the xx tree.
- Moderators edit and publish in every tree.
- Administrators hold every permission.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    WorkflowPage,
)

from .pages import home_pages

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"

TRANSLATE = ("add_page", "change_page")
REVIEW = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
ALL_PAGE = (*REVIEW, "bulk_delete_page")
ADMIN_ACCESS = ("wagtailadmin.access_admin",)
TAXONOMY = tuple(
    f"taxonomy.{action}_{model}"
    for action in ("add", "change", "delete")
    for model in ("province", "topic")
)
TRANSLATION_MANAGEMENT = (
    "translations.request_translation",
    "translations.view_translation_dashboard",
    "translations.add_glossaryterm",
    "translations.change_glossaryterm",
    "translations.delete_glossaryterm",
)
DASHBOARD = ("translations.view_translation_dashboard",)
NEWS_ITEMS = ("aggregator.view_item",)  # to make a story of one
IMAGE_USE = ("choose_image",)
IMAGE_EDIT = ("add_image", "change_image", "choose_image")
DOCUMENT_EDIT = ("add_document", "change_document", "choose_document")


def translators_group_name(language_code: str) -> str:
    return f"Translators ({language_code})"


def reviewers_group_name(language_code: str) -> str:
    return f"Reviewers ({language_code})"


@dataclass
class RoleSpec:
    name: str
    page_permissions: tuple[str, ...]
    pages: list[Page]
    model_permissions: tuple[str, ...] = ADMIN_ACCESS
    collection_permissions: tuple[str, ...] = IMAGE_USE


def _permissions(dotted: tuple[str, ...]):
    for name in dotted:
        app_label, codename = name.split(".")
        yield Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _apply(spec: RoleSpec) -> Group:
    group, _ = Group.objects.get_or_create(name=spec.name)
    group.permissions.set(list(_permissions(spec.model_permissions)))
    GroupPagePermission.objects.filter(group=group).delete()
    page_perms = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=spec.page_permissions
    )
    for page in spec.pages:
        for permission in page_perms:
            GroupPagePermission.objects.create(group=group, page=page, permission=permission)
    GroupCollectionPermission.objects.filter(group=group).delete()
    root_collection = Collection.get_first_root_node()
    for permission in Permission.objects.filter(codename__in=spec.collection_permissions):
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=permission
        )
    return group


def role_specs() -> list[RoleSpec]:
    homes = {home.locale.language_code: home for home in home_pages().select_related("locale")}
    root = Page.get_first_root_node()
    source = settings.LANGUAGE_CODE
    specs = [
        RoleSpec(
            EDITORS,
            REVIEW,
            [homes[source]] if source in homes else [],
            (*ADMIN_ACCESS, *TAXONOMY, *TRANSLATION_MANAGEMENT, *NEWS_ITEMS),
            (*IMAGE_EDIT, *DOCUMENT_EDIT),
        ),
        RoleSpec(
            MODERATORS,
            REVIEW,
            [root],
            (*ADMIN_ACCESS, *TAXONOMY, *NEWS_ITEMS),
            (*IMAGE_EDIT, *DOCUMENT_EDIT),
        ),
    ]
    for code, _name in settings.LANGUAGES:
        if code == source or code not in homes:
            continue
        specs.append(RoleSpec(translators_group_name(code), TRANSLATE, [homes[code]]))
        specs.append(
            RoleSpec(reviewers_group_name(code), REVIEW, [homes[code]], (*ADMIN_ACCESS, *DASHBOARD))
        )
    return specs


def confine_workflows() -> None:
    """Wagtail's moderation workflows apply to the source-language tree only.

    Wagtail attaches its default "Moderators approval" workflow to the root, so it would
    govern every language and let a moderator publish a translation no reviewer of that
    language saw. Translated pages go through the per-language review instead.
    """
    source_home = home_pages().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if source_home is None:
        return
    for link in WorkflowPage.objects.filter(page__depth=1):
        WorkflowPage.objects.get_or_create(page=source_home, defaults={"workflow": link.workflow})
        link.delete()
    WorkflowPage.objects.exclude(page__locale=source_home.locale).exclude(page__depth=1).delete()


@transaction.atomic
def setup_roles() -> list[Group]:
    confine_workflows()
    groups = [_apply(spec) for spec in role_specs()]
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(Permission.objects.all())
    GroupPagePermission.objects.filter(group=administrators).delete()
    root = Page.get_first_root_node()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=ALL_PAGE
    ):
        GroupPagePermission.objects.create(group=administrators, page=root, permission=permission)
    GroupCollectionPermission.objects.filter(group=administrators).delete()
    for permission in Permission.objects.filter(
        codename__in=(*IMAGE_EDIT, *DOCUMENT_EDIT, "delete_image", "delete_document")
    ):
        GroupCollectionPermission.objects.create(
            group=administrators, collection=Collection.get_first_root_node(), permission=permission
        )
    return [*groups, administrators]
