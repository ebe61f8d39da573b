from modeltranslation.translator import TranslationOptions, register

from .models import Province, Topic


@register(Province)
class ProvinceTranslationOptions(TranslationOptions):
    fields = ("name", "former_provinces")


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")
