from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccessibilityWeb")


@_attrs_define
class AccessibilityWeb:
    """HTML accessibility attributes (`role`, `tabindex` and `aria-*`) applied on the web client; values are strings, each
    with Pollock's maximum length (10 to 1000 depending on the attribute).

        Attributes:
            role (str | Unset):
            tabindex (str | Unset):
            aria_activedescendant (str | Unset):
            aria_atomic (str | Unset):
            aria_autocomplete (str | Unset):
            aria_busy (str | Unset):
            aria_checked (str | Unset):
            aria_colcount (str | Unset):
            aria_colindex (str | Unset):
            aria_colspan (str | Unset):
            aria_controls (str | Unset):
            aria_current (str | Unset):
            aria_describedby (str | Unset):
            aria_details (str | Unset):
            aria_disabled (str | Unset):
            aria_errormessage (str | Unset):
            aria_expanded (str | Unset):
            aria_flowto (str | Unset):
            aria_grabbed (str | Unset):
            aria_haspopup (str | Unset):
            aria_hidden (str | Unset):
            aria_invalid (str | Unset):
            aria_keyshortcuts (str | Unset):
            aria_label (str | Unset):
            aria_labelledby (str | Unset):
            aria_level (str | Unset):
            aria_live (str | Unset):
            aria_modal (str | Unset):
            aria_multiline (str | Unset):
            aria_multiselectable (str | Unset):
            aria_orientation (str | Unset):
            aria_owns (str | Unset):
            aria_placeholder (str | Unset):
            aria_posinset (str | Unset):
            aria_pressed (str | Unset):
            aria_readonly (str | Unset):
            aria_relevant (str | Unset):
            aria_required (str | Unset):
            aria_roledescription (str | Unset):
            aria_rowcount (str | Unset):
            aria_rowindex (str | Unset):
            aria_rowspan (str | Unset):
            aria_selected (str | Unset):
            aria_setsize (str | Unset):
            aria_sort (str | Unset):
            aria_valuemax (str | Unset):
            aria_valuemin (str | Unset):
            aria_valuenow (str | Unset):
            aria_valuetext (str | Unset):
    """

    role: str | Unset = UNSET
    tabindex: str | Unset = UNSET
    aria_activedescendant: str | Unset = UNSET
    aria_atomic: str | Unset = UNSET
    aria_autocomplete: str | Unset = UNSET
    aria_busy: str | Unset = UNSET
    aria_checked: str | Unset = UNSET
    aria_colcount: str | Unset = UNSET
    aria_colindex: str | Unset = UNSET
    aria_colspan: str | Unset = UNSET
    aria_controls: str | Unset = UNSET
    aria_current: str | Unset = UNSET
    aria_describedby: str | Unset = UNSET
    aria_details: str | Unset = UNSET
    aria_disabled: str | Unset = UNSET
    aria_errormessage: str | Unset = UNSET
    aria_expanded: str | Unset = UNSET
    aria_flowto: str | Unset = UNSET
    aria_grabbed: str | Unset = UNSET
    aria_haspopup: str | Unset = UNSET
    aria_hidden: str | Unset = UNSET
    aria_invalid: str | Unset = UNSET
    aria_keyshortcuts: str | Unset = UNSET
    aria_label: str | Unset = UNSET
    aria_labelledby: str | Unset = UNSET
    aria_level: str | Unset = UNSET
    aria_live: str | Unset = UNSET
    aria_modal: str | Unset = UNSET
    aria_multiline: str | Unset = UNSET
    aria_multiselectable: str | Unset = UNSET
    aria_orientation: str | Unset = UNSET
    aria_owns: str | Unset = UNSET
    aria_placeholder: str | Unset = UNSET
    aria_posinset: str | Unset = UNSET
    aria_pressed: str | Unset = UNSET
    aria_readonly: str | Unset = UNSET
    aria_relevant: str | Unset = UNSET
    aria_required: str | Unset = UNSET
    aria_roledescription: str | Unset = UNSET
    aria_rowcount: str | Unset = UNSET
    aria_rowindex: str | Unset = UNSET
    aria_rowspan: str | Unset = UNSET
    aria_selected: str | Unset = UNSET
    aria_setsize: str | Unset = UNSET
    aria_sort: str | Unset = UNSET
    aria_valuemax: str | Unset = UNSET
    aria_valuemin: str | Unset = UNSET
    aria_valuenow: str | Unset = UNSET
    aria_valuetext: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        tabindex = self.tabindex

        aria_activedescendant = self.aria_activedescendant

        aria_atomic = self.aria_atomic

        aria_autocomplete = self.aria_autocomplete

        aria_busy = self.aria_busy

        aria_checked = self.aria_checked

        aria_colcount = self.aria_colcount

        aria_colindex = self.aria_colindex

        aria_colspan = self.aria_colspan

        aria_controls = self.aria_controls

        aria_current = self.aria_current

        aria_describedby = self.aria_describedby

        aria_details = self.aria_details

        aria_disabled = self.aria_disabled

        aria_errormessage = self.aria_errormessage

        aria_expanded = self.aria_expanded

        aria_flowto = self.aria_flowto

        aria_grabbed = self.aria_grabbed

        aria_haspopup = self.aria_haspopup

        aria_hidden = self.aria_hidden

        aria_invalid = self.aria_invalid

        aria_keyshortcuts = self.aria_keyshortcuts

        aria_label = self.aria_label

        aria_labelledby = self.aria_labelledby

        aria_level = self.aria_level

        aria_live = self.aria_live

        aria_modal = self.aria_modal

        aria_multiline = self.aria_multiline

        aria_multiselectable = self.aria_multiselectable

        aria_orientation = self.aria_orientation

        aria_owns = self.aria_owns

        aria_placeholder = self.aria_placeholder

        aria_posinset = self.aria_posinset

        aria_pressed = self.aria_pressed

        aria_readonly = self.aria_readonly

        aria_relevant = self.aria_relevant

        aria_required = self.aria_required

        aria_roledescription = self.aria_roledescription

        aria_rowcount = self.aria_rowcount

        aria_rowindex = self.aria_rowindex

        aria_rowspan = self.aria_rowspan

        aria_selected = self.aria_selected

        aria_setsize = self.aria_setsize

        aria_sort = self.aria_sort

        aria_valuemax = self.aria_valuemax

        aria_valuemin = self.aria_valuemin

        aria_valuenow = self.aria_valuenow

        aria_valuetext = self.aria_valuetext

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if tabindex is not UNSET:
            field_dict["tabindex"] = tabindex
        if aria_activedescendant is not UNSET:
            field_dict["aria-activedescendant"] = aria_activedescendant
        if aria_atomic is not UNSET:
            field_dict["aria-atomic"] = aria_atomic
        if aria_autocomplete is not UNSET:
            field_dict["aria-autocomplete"] = aria_autocomplete
        if aria_busy is not UNSET:
            field_dict["aria-busy"] = aria_busy
        if aria_checked is not UNSET:
            field_dict["aria-checked"] = aria_checked
        if aria_colcount is not UNSET:
            field_dict["aria-colcount"] = aria_colcount
        if aria_colindex is not UNSET:
            field_dict["aria-colindex"] = aria_colindex
        if aria_colspan is not UNSET:
            field_dict["aria-colspan"] = aria_colspan
        if aria_controls is not UNSET:
            field_dict["aria-controls"] = aria_controls
        if aria_current is not UNSET:
            field_dict["aria-current"] = aria_current
        if aria_describedby is not UNSET:
            field_dict["aria-describedby"] = aria_describedby
        if aria_details is not UNSET:
            field_dict["aria-details"] = aria_details
        if aria_disabled is not UNSET:
            field_dict["aria-disabled"] = aria_disabled
        if aria_errormessage is not UNSET:
            field_dict["aria-errormessage"] = aria_errormessage
        if aria_expanded is not UNSET:
            field_dict["aria-expanded"] = aria_expanded
        if aria_flowto is not UNSET:
            field_dict["aria-flowto"] = aria_flowto
        if aria_grabbed is not UNSET:
            field_dict["aria-grabbed"] = aria_grabbed
        if aria_haspopup is not UNSET:
            field_dict["aria-haspopup"] = aria_haspopup
        if aria_hidden is not UNSET:
            field_dict["aria-hidden"] = aria_hidden
        if aria_invalid is not UNSET:
            field_dict["aria-invalid"] = aria_invalid
        if aria_keyshortcuts is not UNSET:
            field_dict["aria-keyshortcuts"] = aria_keyshortcuts
        if aria_label is not UNSET:
            field_dict["aria-label"] = aria_label
        if aria_labelledby is not UNSET:
            field_dict["aria-labelledby"] = aria_labelledby
        if aria_level is not UNSET:
            field_dict["aria-level"] = aria_level
        if aria_live is not UNSET:
            field_dict["aria-live"] = aria_live
        if aria_modal is not UNSET:
            field_dict["aria-modal"] = aria_modal
        if aria_multiline is not UNSET:
            field_dict["aria-multiline"] = aria_multiline
        if aria_multiselectable is not UNSET:
            field_dict["aria-multiselectable"] = aria_multiselectable
        if aria_orientation is not UNSET:
            field_dict["aria-orientation"] = aria_orientation
        if aria_owns is not UNSET:
            field_dict["aria-owns"] = aria_owns
        if aria_placeholder is not UNSET:
            field_dict["aria-placeholder"] = aria_placeholder
        if aria_posinset is not UNSET:
            field_dict["aria-posinset"] = aria_posinset
        if aria_pressed is not UNSET:
            field_dict["aria-pressed"] = aria_pressed
        if aria_readonly is not UNSET:
            field_dict["aria-readonly"] = aria_readonly
        if aria_relevant is not UNSET:
            field_dict["aria-relevant"] = aria_relevant
        if aria_required is not UNSET:
            field_dict["aria-required"] = aria_required
        if aria_roledescription is not UNSET:
            field_dict["aria-roledescription"] = aria_roledescription
        if aria_rowcount is not UNSET:
            field_dict["aria-rowcount"] = aria_rowcount
        if aria_rowindex is not UNSET:
            field_dict["aria-rowindex"] = aria_rowindex
        if aria_rowspan is not UNSET:
            field_dict["aria-rowspan"] = aria_rowspan
        if aria_selected is not UNSET:
            field_dict["aria-selected"] = aria_selected
        if aria_setsize is not UNSET:
            field_dict["aria-setsize"] = aria_setsize
        if aria_sort is not UNSET:
            field_dict["aria-sort"] = aria_sort
        if aria_valuemax is not UNSET:
            field_dict["aria-valuemax"] = aria_valuemax
        if aria_valuemin is not UNSET:
            field_dict["aria-valuemin"] = aria_valuemin
        if aria_valuenow is not UNSET:
            field_dict["aria-valuenow"] = aria_valuenow
        if aria_valuetext is not UNSET:
            field_dict["aria-valuetext"] = aria_valuetext

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = d.pop("role", UNSET)

        tabindex = d.pop("tabindex", UNSET)

        aria_activedescendant = d.pop("aria-activedescendant", UNSET)

        aria_atomic = d.pop("aria-atomic", UNSET)

        aria_autocomplete = d.pop("aria-autocomplete", UNSET)

        aria_busy = d.pop("aria-busy", UNSET)

        aria_checked = d.pop("aria-checked", UNSET)

        aria_colcount = d.pop("aria-colcount", UNSET)

        aria_colindex = d.pop("aria-colindex", UNSET)

        aria_colspan = d.pop("aria-colspan", UNSET)

        aria_controls = d.pop("aria-controls", UNSET)

        aria_current = d.pop("aria-current", UNSET)

        aria_describedby = d.pop("aria-describedby", UNSET)

        aria_details = d.pop("aria-details", UNSET)

        aria_disabled = d.pop("aria-disabled", UNSET)

        aria_errormessage = d.pop("aria-errormessage", UNSET)

        aria_expanded = d.pop("aria-expanded", UNSET)

        aria_flowto = d.pop("aria-flowto", UNSET)

        aria_grabbed = d.pop("aria-grabbed", UNSET)

        aria_haspopup = d.pop("aria-haspopup", UNSET)

        aria_hidden = d.pop("aria-hidden", UNSET)

        aria_invalid = d.pop("aria-invalid", UNSET)

        aria_keyshortcuts = d.pop("aria-keyshortcuts", UNSET)

        aria_label = d.pop("aria-label", UNSET)

        aria_labelledby = d.pop("aria-labelledby", UNSET)

        aria_level = d.pop("aria-level", UNSET)

        aria_live = d.pop("aria-live", UNSET)

        aria_modal = d.pop("aria-modal", UNSET)

        aria_multiline = d.pop("aria-multiline", UNSET)

        aria_multiselectable = d.pop("aria-multiselectable", UNSET)

        aria_orientation = d.pop("aria-orientation", UNSET)

        aria_owns = d.pop("aria-owns", UNSET)

        aria_placeholder = d.pop("aria-placeholder", UNSET)

        aria_posinset = d.pop("aria-posinset", UNSET)

        aria_pressed = d.pop("aria-pressed", UNSET)

        aria_readonly = d.pop("aria-readonly", UNSET)

        aria_relevant = d.pop("aria-relevant", UNSET)

        aria_required = d.pop("aria-required", UNSET)

        aria_roledescription = d.pop("aria-roledescription", UNSET)

        aria_rowcount = d.pop("aria-rowcount", UNSET)

        aria_rowindex = d.pop("aria-rowindex", UNSET)

        aria_rowspan = d.pop("aria-rowspan", UNSET)

        aria_selected = d.pop("aria-selected", UNSET)

        aria_setsize = d.pop("aria-setsize", UNSET)

        aria_sort = d.pop("aria-sort", UNSET)

        aria_valuemax = d.pop("aria-valuemax", UNSET)

        aria_valuemin = d.pop("aria-valuemin", UNSET)

        aria_valuenow = d.pop("aria-valuenow", UNSET)

        aria_valuetext = d.pop("aria-valuetext", UNSET)

        accessibility_web = cls(
            role=role,
            tabindex=tabindex,
            aria_activedescendant=aria_activedescendant,
            aria_atomic=aria_atomic,
            aria_autocomplete=aria_autocomplete,
            aria_busy=aria_busy,
            aria_checked=aria_checked,
            aria_colcount=aria_colcount,
            aria_colindex=aria_colindex,
            aria_colspan=aria_colspan,
            aria_controls=aria_controls,
            aria_current=aria_current,
            aria_describedby=aria_describedby,
            aria_details=aria_details,
            aria_disabled=aria_disabled,
            aria_errormessage=aria_errormessage,
            aria_expanded=aria_expanded,
            aria_flowto=aria_flowto,
            aria_grabbed=aria_grabbed,
            aria_haspopup=aria_haspopup,
            aria_hidden=aria_hidden,
            aria_invalid=aria_invalid,
            aria_keyshortcuts=aria_keyshortcuts,
            aria_label=aria_label,
            aria_labelledby=aria_labelledby,
            aria_level=aria_level,
            aria_live=aria_live,
            aria_modal=aria_modal,
            aria_multiline=aria_multiline,
            aria_multiselectable=aria_multiselectable,
            aria_orientation=aria_orientation,
            aria_owns=aria_owns,
            aria_placeholder=aria_placeholder,
            aria_posinset=aria_posinset,
            aria_pressed=aria_pressed,
            aria_readonly=aria_readonly,
            aria_relevant=aria_relevant,
            aria_required=aria_required,
            aria_roledescription=aria_roledescription,
            aria_rowcount=aria_rowcount,
            aria_rowindex=aria_rowindex,
            aria_rowspan=aria_rowspan,
            aria_selected=aria_selected,
            aria_setsize=aria_setsize,
            aria_sort=aria_sort,
            aria_valuemax=aria_valuemax,
            aria_valuemin=aria_valuemin,
            aria_valuenow=aria_valuenow,
            aria_valuetext=aria_valuetext,
        )

        return accessibility_web
