from wagtail_localize.fields import SynchronizedField

from .permissions import ReviewGatedPermissionTester


class TranslatedPage:
    """Mixin for the site's page types.

    - Publishing is gated by the translation review (see ``permissions``).
    - The slug is kept from the source rather than translated, so a page has the same
      ASCII path in every language (``/lo/economy/coffee-exports/``).
    """

    override_translatable_fields = [SynchronizedField("slug")]

    def permissions_for_user(self, user):
        return ReviewGatedPermissionTester(user, self)
