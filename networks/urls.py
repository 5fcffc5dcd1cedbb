from django.urls import path

from networks import views

app_name = "networks"
urlpatterns = [
    path("networks/", views.overview, name="overview"),
    path("networks/<int:pk>/", views.network_page, name="detail"),
    path("networks/items/<int:pk>/", views.item_page, name="item"),
    path("networks/reports/<int:pk>/document", views.report_document, name="report_document"),
]
