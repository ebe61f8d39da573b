from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image with its own alternative text, in the page's language (a translatable
    segment). The text is required unless the image is marked decorative."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Only for an image that adds nothing to the text: screen readers skip it."),
    )
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image, or mark it as decorative."), code="alt_required"
                    )
                }
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock()
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    """A video hosted elsewhere (oEmbed). The page shows a facade (poster, title, a play
    button); the provider's player is framed only after the reader clicks, so the page
    makes no request to the video host before that (core/blocks/video.html, lightbox.js)."""

    video = EmbedBlock()
    poster = ImageChooserBlock(
        required=False,
        label=_("Poster"),
        help_text=_("Shown until the reader plays the video (served from this site)."),
    )
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "core/blocks/video.html"


class HostedVideoBlock(blocks.StructBlock):
    """A video file uploaded to this site, with its poster and captions per language."""

    video = SnippetChooserBlock("core.Video")
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "core/blocks/hosted_video.html"


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock()
    value = blocks.CharBlock()


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False)
    facts = blocks.ListBlock(FactBlock())

    class Meta:
        icon = "list-ul"
        template = "core/blocks/fact_box.html"


class RelatedStoriesBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False)
    stories = blocks.ListBlock(blocks.PageChooserBlock(page_type="stories.StoryPage"))

    class Meta:
        icon = "doc-full"
        template = "core/blocks/related_stories.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], template="core/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    hosted_video = HostedVideoBlock()
    fact_box = FactBoxBlock()
    related_stories = RelatedStoriesBlock()


class GalleryItemBlock(blocks.StreamBlock):
    """Each photo has its own alternative text: publishing a gallery that repeats one
    text on several photos fails."""

    photo = ImageBlock()
    video = VideoBlock()
    hosted_video = HostedVideoBlock()

    def clean(self, value):
        value = super().clean(value)
        seen: dict[str, int] = {}
        errors = {}
        for index, child in enumerate(value):
            if child.block_type != "photo" or child.value.get("decorative"):
                continue
            alt = " ".join(child.value.get("alt_text", "").split()).casefold()
            if alt in seen:
                errors[index] = ValidationError(
                    _("Another photo of this gallery has the same alternative text.")
                )
            seen.setdefault(alt, index)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value


def stream_text(stream) -> str:
    """The plain text of a stream of these blocks, for search documents."""
    parts = []
    for block in stream or []:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type == "heading":
            parts.append(value["text"])
        elif block.block_type in ("image", "photo"):
            parts += [value.get("caption", ""), value.get("alt_text", "")]
        elif block.block_type == "quote":
            parts += [value["quote"], value.get("attribution", "")]
        elif block.block_type == "fact_box":
            parts.append(value.get("title", ""))
            parts += [f"{fact['label']} {fact['value']}" for fact in value["facts"]]
        elif block.block_type in ("video", "hosted_video"):
            parts.append(value.get("caption", ""))
    return " ".join(p for p in parts if p)
