from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.aspect_ratio import AspectRatio, check_aspect_ratio
from ..models.display_size import DisplaySize, check_display_size
from ..types import UNSET, Unset

T = TypeVar("T", bound="DisplaySettings")


@_attrs_define
class DisplaySettings:
    """Image display hints (aspect ratio and size) for vertical layouts and carousels.

    Attributes:
        aspect_ratio (AspectRatio | Unset): Aspect ratio of images in a vertical layout or carousel.
        size (DisplaySize | Unset): Size of images in a vertical layout or carousel.
    """

    aspect_ratio: AspectRatio | Unset = UNSET
    size: DisplaySize | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspectRatio"] = aspect_ratio
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspectRatio", UNSET)
        aspect_ratio: AspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_aspect_ratio(_aspect_ratio)

        _size = d.pop("size", UNSET)
        size: DisplaySize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = check_display_size(_size)

        display_settings = cls(
            aspect_ratio=aspect_ratio,
            size=size,
        )

        return display_settings
