from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Locality, Partnership, Team, User


@admin.register(User)
class SelfdirectUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "access_expires_on"]
    list_filter = ["role", "teams"]
    fieldsets = [
        *(UserAdmin.fieldsets or ()),
        ("Selfdirect", {"fields": ["role", "teams", "job_title", "access_expires_on"]}),
    ]


admin.site.register([Partnership, Locality, Team])
