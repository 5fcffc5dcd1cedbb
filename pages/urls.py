from django.urls import path

from pages import api
from pages.views import agenda, country, search, workspace

app_name = "pages"
urlpatterns = [
    path("meetings/<int:pk>/agenda/", agenda.agenda_page, name="agenda"),
    path("meetings/<int:pk>/agenda.docx", agenda.agenda_docx, name="agenda_docx"),
    path("my/", workspace.workspace, name="workspace"),
    path("my/signed-in/", workspace.signed_in, name="signed_in"),
    path("my/updates/<int:pk>/", workspace.update_edit, name="update_edit"),
    path("my/updates/<int:pk>/withdraw", workspace.update_withdraw, name="update_withdraw"),
    path("countries/<str:code>/", country.country_page, name="country"),
    path("search/", search.search, name="search"),
    path("api/v1/meetings/<int:pk>/agenda/", api.AgendaView.as_view(), name="api_agenda"),
]
