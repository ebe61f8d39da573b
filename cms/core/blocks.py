from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"


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
    """A video hosted elsewhere. Rendered as a link, so the page itself makes no request
    to the video host until the reader chooses to watch."""

    video = EmbedBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "core/blocks/video.html"


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
    fact_box = FactBoxBlock()
    related_stories = RelatedStoriesBlock()


class GalleryItemBlock(blocks.StreamBlock):
    photo = ImageBlock()
    video = VideoBlock()


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
        elif block.block_type == "video":
            parts.append(value.get("caption", ""))
    return " ".join(p for p in parts if p)
