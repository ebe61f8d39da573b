"""Who moderates public submissions.

The right is the ``submissions.moderate_submission`` permission. The "Submission
moderators" group holds it (created after migrations, see ``apps``), administrators too.
A moderator works in every language; each admin view still asks ``can_moderate_submission``
for the submission it touches, which also refuses a language the site no longer has and
a submission whose personal data was deleted."""

from django.conf import settings

PERMISSION = "submissions.moderate_submission"
GROUP = "Submission moderators"
GROUP_PERMISSIONS = (
    "wagtailadmin.access_admin",
    PERMISSION,
    "submissions.view_submission",
    "submissions.add_contributor",
    "submissions.change_contributor",
    "submissions.view_contributor",
)


def can_moderate(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))


def can_moderate_submission(user, submission) -> bool:
    languages = {code for code, _name in settings.LANGUAGES}
    return can_moderate(user) and submission.language in languages and submission.purged_at is None


def ensure_group(**kwargs) -> None:
    """Create or complete the moderators' group (a ``post_migrate`` receiver)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission

    group, _created = Group.objects.get_or_create(name=GROUP)
    for dotted in GROUP_PERMISSIONS:
        app_label, codename = dotted.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    root = Collection.get_first_root_node()
    if root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=("add_image", "choose_image")
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
