"""'Your four options' information: plain English and Easy Read, as pages and PDFs."""

from django.urls import path

from . import info_views

app_name = "four_options"
urlpatterns = [
    path("", info_views.plain_english, name="plain_english"),
    path("easy-read/", info_views.easy_read, name="easy_read"),
    path("plain-english.pdf", info_views.plain_english_pdf, name="plain_english_pdf"),
    path("easy-read.pdf", info_views.easy_read_pdf, name="easy_read_pdf"),
]
