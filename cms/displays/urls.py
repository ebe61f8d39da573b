app_name = "displays"

urlpatterns: list = []
