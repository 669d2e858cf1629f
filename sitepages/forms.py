"""The workspace form of a site page: Dutch and English side by side."""

from django import forms

from sitepages.models import SitePage


class SitePageForm(forms.ModelForm):
    class Meta:
        model = SitePage
        fields = ["title_nl", "body_nl", "title_en", "body_en"]
        widgets = {
            "title_nl": forms.TextInput(attrs={"lang": "nl"}),
            "body_nl": forms.Textarea(attrs={"rows": 18, "lang": "nl"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "body_en": forms.Textarea(attrs={"rows": 18, "lang": "en"}),
        }
