from .permissions import ReviewGatedPermissionTester
from .slugs import OwnSlug


class TranslatedPage:
    """Mixin for the site's page types.

    - Publishing is gated by the translation review (see ``permissions``).
    - The slug is neither machine-translated nor synchronised from the source: each
      language gets its own readable slug when a reviewer approves it (see ``slugs``).
    """

    override_translatable_fields = [OwnSlug("slug")]

    def permissions_for_user(self, user):
        return ReviewGatedPermissionTester(user, self)
