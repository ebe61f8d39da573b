"""The permission matrix: every role against the source, Lao and Khmer trees."""

import pytest

from cms.core.roles import (
    ADMINISTRATORS,
    EDITORS,
    MODERATORS,
    reviewers_group_name,
    setup_roles,
    translators_group_name,
)
from tests.factories import UserFactory
from tests.helpers import story

pytestmark = pytest.mark.django_db

TREES = ("vi", "lo", "km")
NOTHING = {tree: (False, False) for tree in TREES}

# role -> tree -> (can edit, can publish)
MATRIX = {
    EDITORS: {**NOTHING, "vi": (True, True)},
    translators_group_name("lo"): {**NOTHING, "lo": (True, False)},
    reviewers_group_name("lo"): {**NOTHING, "lo": (True, True)},
    translators_group_name("km"): {**NOTHING, "km": (True, False)},
    reviewers_group_name("km"): {**NOTHING, "km": (True, True)},
    MODERATORS: {tree: (True, True) for tree in TREES},
    ADMINISTRATORS: {tree: (True, True) for tree in TREES},
}


@pytest.mark.parametrize("role", MATRIX)
@pytest.mark.parametrize("tree", TREES)
def test_permission_matrix(role, tree):
    user = UserFactory(groups=[role])
    page = story("ha-long-bay", tree)
    permissions = page.permissions_for_user(user)
    expected_edit, expected_publish = MATRIX[role][tree]
    assert permissions.can_edit() is expected_edit
    assert permissions.can_publish() is expected_publish
    assert user.has_perm("wagtailadmin.access_admin")


def test_translator_cannot_publish_even_a_page_they_created():
    from tests.factories import StoryPageFactory
    from tests.helpers import section

    user = UserFactory(groups=[translators_group_name("lo")])
    draft = StoryPageFactory(parent=section("tourism", "lo"), owner=user, live=False)
    permissions = draft.permissions_for_user(user)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_only_editors_and_moderators_edit_taxonomy():
    editor = UserFactory(groups=[EDITORS])
    translator = UserFactory(groups=[translators_group_name("lo")])
    assert editor.has_perm("taxonomy.change_province")
    assert not translator.has_perm("taxonomy.change_province")


def test_setup_roles_is_idempotent():
    from django.contrib.auth.models import Group

    before = {g.name: g.page_permissions.count() for g in Group.objects.all()}
    setup_roles()
    after = {g.name: g.page_permissions.count() for g in Group.objects.all()}
    assert before == after
    assert Group.objects.get(name=EDITORS).page_permissions.filter(page__depth=1).count() == 0
