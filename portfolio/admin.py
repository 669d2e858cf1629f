"""Django admin for the programme office: filters, search and useful columns on every model."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from portfolio.importing import import_projects
from portfolio.models import (
    District,
    Flagship,
    Neighbourhood,
    Programme,
    Project,
    ProjectLink,
    ProjectPartner,
    Result,
    Theme,
)
from portfolio.services import Partnership, change_publication, validate_project_relations
from search.services import index_dependents, index_objects, remove_objects

IMPORT_MAX_BYTES = 20 * 1024 * 1024


class ProjectImportForm(forms.Form):
    """Upload of the programme office's project list, tried first without saving."""

    file = forms.FileField(
        label=_("Projectenlijst (CSV of XLSX)"),
        help_text=_("Kolommen en regels: zie docs/import.md. Hoogstens 20 MB."),
    )
    dry_run = forms.BooleanField(
        label=_("Alleen proberen: laat zien wat er zou veranderen, sla niets op"),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(_("Het bestand is groter dan 20 MB."))
        return upload


class RenameReachesSearch:
    """A rename reaches the search index at once: whatever shows the name (the projects of a
    theme, a partner, a neighbourhood) is indexed again, so it is found by the new name."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            index_dependents(model=type(obj), ids=[obj.pk])


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "municipality_code", "slug"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Theme)
class ThemeAdmin(RenameReachesSearch, admin.ModelAdmin):
    list_display = ["name", "programme", "target_year", "order", "colour", "project_count"]
    list_filter = ["programme"]
    list_editable = ["order"]
    search_fields = ["name", "ambition", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_projects=Count("primary_projects"))

    @admin.display(description=_("projecten"), ordering="n_projects")
    def project_count(self, obj):
        return obj.n_projects


@admin.register(Flagship)
class FlagshipAdmin(RenameReachesSearch, admin.ModelAdmin):
    list_display = ["name", "programme", "order", "project_count"]
    list_filter = ["programme"]
    list_editable = ["order"]
    search_fields = ["name", "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_projects=Count("projects"))

    @admin.display(description=_("projecten"), ordering="n_projects")
    def project_count(self, obj):
        return obj.n_projects


@admin.register(Organisation)
class OrganisationAdmin(RenameReachesSearch, admin.ModelAdmin):
    list_display = ["name", "kind", "is_core_partner", "project_count", "website"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        index_objects(kind="organisation", ids=[obj.pk])

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        remove_objects(kind="organisation", ids=[pk])

    def delete_queryset(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        remove_objects(kind="organisation", ids=ids)

    list_filter = ["kind", "is_core_partner"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_projects=Count("partnerships"))

    @admin.display(description=_("projecten"), ordering="n_projects")
    def project_count(self, obj):
        return obj.n_projects


class NeighbourhoodInline(admin.TabularInline):
    model = Neighbourhood
    fields = ["code", "name"]
    extra = 0
    show_change_link = True


@admin.register(District)
class DistrictAdmin(RenameReachesSearch, admin.ModelAdmin):
    list_display = ["code", "name", "municipality_code", "neighbourhood_count"]
    list_filter = ["municipality_code"]
    search_fields = ["code", "name"]
    inlines = [NeighbourhoodInline]
    exclude = ["geometry"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_neighbourhoods=Count("neighbourhoods"))

    @admin.display(description=_("buurten"), ordering="n_neighbourhoods")
    def neighbourhood_count(self, obj):
        return obj.n_neighbourhoods


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(RenameReachesSearch, admin.ModelAdmin):
    list_display = ["code", "name", "district"]
    list_filter = ["district"]
    list_select_related = ["district"]
    search_fields = ["code", "name", "district__name"]
    exclude = ["geometry"]


class ProjectAdminForm(forms.ModelForm):
    """The project form of the admin, checking the invariants that span relations."""

    class Meta:
        model = Project
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def clean(self):
        cleaned = super().clean()
        primary_theme = cleaned.get("primary_theme")
        if primary_theme is None:
            return cleaned
        errors = validate_project_relations(
            primary_theme=primary_theme,
            secondary_themes=cleaned.get("secondary_themes") or [],
            flagships=cleaned.get("flagships") or [],
            is_citywide=bool(cleaned.get("is_citywide")),
            neighbourhoods=cleaned.get("neighbourhoods") or [],
        )
        errors.pop("partners", None)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ProjectPartnerFormSet(forms.BaseInlineFormSet):
    """Partners of a project in the admin: at most one lead, each organisation once."""

    def clean(self):
        super().clean()
        partnerships = [
            Partnership(form.cleaned_data["organisation"], form.cleaned_data["role"])
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("organisation")
        ]
        if not partnerships or self.instance.primary_theme_id is None:
            return
        errors = validate_project_relations(
            primary_theme=self.instance.primary_theme, partnerships=partnerships
        )
        if errors.get("partners"):
            raise ValidationError(errors["partners"])


class ProjectPartnerInline(admin.TabularInline):
    model = ProjectPartner
    formset = ProjectPartnerFormSet
    autocomplete_fields = ["organisation"]
    extra = 1


class ResultInline(admin.StackedInline):
    model = Result
    extra = 0


class ProjectLinkInline(admin.TabularInline):
    model = ProjectLink
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    form = ProjectAdminForm
    list_display = [
        "title",
        "primary_theme",
        "status",
        "publication",
        "is_citywide",
        "start_date",
        "end_date",
        "is_example",
        "updated_at",
    ]
    list_filter = [
        "publication",
        "status",
        "primary_theme",
        "secondary_themes",
        "flagships",
        "is_citywide",
        "is_example",
        "programme",
        "neighbourhoods__district",
    ]
    list_select_related = ["primary_theme"]
    search_fields = ["title", "summary", "description", "external_id", "organisations__name"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["secondary_themes", "flagships", "neighbourhoods"]
    # The publication state changes only through the workflow (services.change_publication):
    # the actions below; deleting is the workspace's soft delete, so not offered here.
    readonly_fields = ["publication", "deleted_at", "deleted_by", "created_at", "updated_at"]
    actions = ["publish_selected", "archive_selected"]
    inlines = [ProjectPartnerInline, ResultInline, ProjectLinkInline]

    def has_delete_permission(self, request, obj=None):
        return False

    def _transition(self, request, queryset, transition: str) -> None:
        changed, refused = 0, []
        for project in queryset:
            try:
                change_publication(
                    project=project, transition=transition, by=request.user, request=request
                )
                changed += 1
            except ValidationError as error:
                refused.append(f"{project}: {' '.join(error.messages)}")
        if changed:
            self.message_user(request, _("%(count)s project(en) bijgewerkt.") % {"count": changed})
        for message in refused:
            self.message_user(request, message, level="warning")

    @admin.action(description=_("Publiceren"))
    def publish_selected(self, request, queryset):
        self._transition(request, queryset, "publish")

    @admin.action(description=_("Archiveren"))
    def archive_selected(self, request, queryset):
        self._transition(request, queryset, "archive")

    change_list_template = "admin/portfolio/project/change_list.html"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        index_objects(kind="project", ids=[form.instance.pk])

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        remove_objects(kind="project", ids=[pk])

    def delete_queryset(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        remove_objects(kind="project", ids=ids)

    def get_urls(self):
        return [
            path(
                "importeren/",
                self.admin_site.admin_view(self.import_view),
                name="portfolio_project_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload a project list; the same import as `manage.py import_projects`."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        result = None
        form = ProjectImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            result = import_projects(
                file=upload, filename=upload.name, dry_run=form.cleaned_data["dry_run"]
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Projecten importeren"),
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "admin/portfolio/project/import.html", context)

    fieldsets = [
        (None, {"fields": ["programme", "title", "slug", "summary", "description"]}),
        (
            _("Thema's en vlaggenschepen"),
            {"fields": ["primary_theme", "secondary_themes", "flagships"]},
        ),
        (_("Plaats"), {"fields": ["is_citywide", "neighbourhoods", "latitude", "longitude"]}),
        (_("Verloop"), {"fields": ["status", "start_date", "end_date", "website"]}),
        (_("Afbeelding"), {"fields": ["image", "image_alt"]}),
        (
            _("Publicatie"),
            {
                "fields": [
                    "publication",
                    "is_example",
                    "external_id",
                    "deleted_at",
                    "deleted_by",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "project", "date"]
    list_filter = ["kind"]
    list_select_related = ["project"]
    search_fields = ["title", "description", "project__title"]
    autocomplete_fields = ["project"]
    date_hierarchy = "date"
