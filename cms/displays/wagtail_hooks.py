from wagtail import hooks

from . import demo, measurement
from .admin import DisplayViewSet


@hooks.register("register_admin_viewset")
def register_viewset():
    return DisplayViewSet()


@hooks.register("load_demo_content")
def load_demo_displays(stdout) -> None:
    demo.load(stdout)


@hooks.register("register_measurement_figures")
def measurement_figures() -> list[tuple]:
    return measurement.figures()
