from django.db import models
from django.utils.translation import gettext_lazy as _


class Postcode(models.Model):
    """A postcode and where it is (WGS84), imported from ONS or Code-Point Open."""

    postcode = models.CharField(_("postcode"), max_length=8, primary_key=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    def __str__(self) -> str:
        return self.postcode
