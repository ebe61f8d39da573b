import factory

from cms.social.models import Channel, ChannelKind, Post


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    kind = ChannelKind.TELEGRAM
    language = "lo"
    name = factory.Sequence(lambda n: f"Channel {n}")
    token = "123456:ABC-secret-token"
    target = "@vnip_lo"


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    channel = factory.SubFactory(ChannelFactory)
    language = factory.SelfAttribute("channel.language")
    text = factory.Sequence(lambda n: f"Post {n}")
    with_image = False
