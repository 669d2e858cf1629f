"""Uploaded project images: checked by their content, resized, stripped of metadata, renamed."""

import secrets
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000


def clean_project_image(upload) -> ContentFile:
    """Return a fresh image file made from the upload, or raise ValidationError.

    The type is read from the content (Pillow), never from the name or the browser's word.
    The picture is re-encoded (JPEG, or PNG when it has transparency), so no metadata (EXIF,
    location, comments) and nothing but pixels survive; it gets a random name.
    """
    if upload.size > settings.PROJECT_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("De afbeelding is groter dan %(mb)s MB.")
            % {"mb": settings.PROJECT_IMAGE_MAX_BYTES // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(_("Gebruik een JPEG-, PNG-, WebP- of GIF-afbeelding."))
        if width * height > MAX_PIXELS:
            raise ValidationError(_("De afbeelding heeft te veel pixels."))
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            has_alpha = image.mode in ("RGBA", "LA") or (
                image.mode == "P" and "transparency" in image.info
            )
            image = image.convert("RGBA" if has_alpha else "RGB")
            side = settings.PROJECT_IMAGE_MAX_SIDE
            image.thumbnail((side, side), Image.Resampling.LANCZOS)
            output = BytesIO()
            if has_alpha:
                image.save(output, format="PNG", optimize=True)
                extension = "png"
            else:
                image.save(output, format="JPEG", quality=85, optimize=True)
                extension = "jpg"
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise ValidationError(_("Dit bestand is geen afbeelding die we kunnen lezen.")) from error
    return ContentFile(output.getvalue(), name=f"{secrets.token_hex(16)}.{extension}")
