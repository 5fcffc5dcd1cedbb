"""Signing in: the person's saved language from the first page on."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils import translation

LANGUAGES = {code for code, _name in settings.LANGUAGES}


class SignInView(auth_views.LoginView):
    """Django's sign-in, which then speaks the user's saved language: it is activated for the
    redirect and kept in the language cookie the language switcher also sets."""

    def form_valid(self, form):
        response = super().form_valid(form)
        language = form.get_user().language
        if language in LANGUAGES:
            translation.activate(language)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
