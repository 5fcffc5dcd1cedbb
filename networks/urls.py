app_name = "networks"
urlpatterns: list = []
