from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cart_sde import CartSde
    from ..models.customer_info_sde import CustomerInfoSde
    from ..models.lead_sde import LeadSde
    from ..models.marketing_source_sde import MarketingSourceSde
    from ..models.personal_info_sde import PersonalInfoSde
    from ..models.product_view_sde import ProductViewSde
    from ..models.purchase_sde import PurchaseSde
    from ..models.search_content_sde import SearchContentSde
    from ..models.service_activity_sde import ServiceActivitySde
    from ..models.visitor_error_sde import VisitorErrorSde


T = TypeVar("T", bound="SetSdesRequest")


@_attrs_define
class SetSdesRequest:
    """The SDEs to set, and the consumer's visitor and session they belong to.

    Attributes:
        sdes (list[CartSde | CustomerInfoSde | LeadSde | MarketingSourceSde | PersonalInfoSde | ProductViewSde |
            PurchaseSde | SearchContentSde | ServiceActivitySde | VisitorErrorSde]):
        shark_visitor_id (str): The consumer's LivePerson visitor id.
        shark_session_id (str): The consumer's LivePerson session id.
    """

    sdes: list[
        CartSde
        | CustomerInfoSde
        | LeadSde
        | MarketingSourceSde
        | PersonalInfoSde
        | ProductViewSde
        | PurchaseSde
        | SearchContentSde
        | ServiceActivitySde
        | VisitorErrorSde
    ]
    shark_visitor_id: str
    shark_session_id: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.cart_sde import CartSde  # noqa: PLC0415
        from ..models.customer_info_sde import CustomerInfoSde  # noqa: PLC0415
        from ..models.lead_sde import LeadSde  # noqa: PLC0415
        from ..models.marketing_source_sde import MarketingSourceSde  # noqa: PLC0415
        from ..models.personal_info_sde import PersonalInfoSde  # noqa: PLC0415
        from ..models.product_view_sde import ProductViewSde  # noqa: PLC0415
        from ..models.purchase_sde import PurchaseSde  # noqa: PLC0415
        from ..models.service_activity_sde import ServiceActivitySde  # noqa: PLC0415
        from ..models.visitor_error_sde import VisitorErrorSde  # noqa: PLC0415

        sdes = []
        for sdes_item_data in self.sdes:
            sdes_item: dict[str, Any]
            if isinstance(sdes_item_data, CartSde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, PurchaseSde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, ProductViewSde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, CustomerInfoSde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, MarketingSourceSde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, PersonalInfoSde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, LeadSde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, ServiceActivitySde):
                sdes_item = sdes_item_data.to_dict()
            elif isinstance(sdes_item_data, VisitorErrorSde):
                sdes_item = sdes_item_data.to_dict()
            else:
                sdes_item = sdes_item_data.to_dict()

            sdes.append(sdes_item)

        shark_visitor_id = self.shark_visitor_id

        shark_session_id = self.shark_session_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sdes": sdes,
                "sharkVisitorId": shark_visitor_id,
                "sharkSessionId": shark_session_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cart_sde import CartSde  # noqa: PLC0415
        from ..models.customer_info_sde import CustomerInfoSde  # noqa: PLC0415
        from ..models.lead_sde import LeadSde  # noqa: PLC0415
        from ..models.marketing_source_sde import MarketingSourceSde  # noqa: PLC0415
        from ..models.personal_info_sde import PersonalInfoSde  # noqa: PLC0415
        from ..models.product_view_sde import ProductViewSde  # noqa: PLC0415
        from ..models.purchase_sde import PurchaseSde  # noqa: PLC0415
        from ..models.search_content_sde import SearchContentSde  # noqa: PLC0415
        from ..models.service_activity_sde import ServiceActivitySde  # noqa: PLC0415
        from ..models.visitor_error_sde import VisitorErrorSde  # noqa: PLC0415

        d = dict(src_dict)
        sdes = []
        _sdes = d.pop("sdes")
        for sdes_item_data in _sdes:

            def _parse_sdes_item(
                data: object,
            ) -> (
                CartSde
                | CustomerInfoSde
                | LeadSde
                | MarketingSourceSde
                | PersonalInfoSde
                | ProductViewSde
                | PurchaseSde
                | SearchContentSde
                | ServiceActivitySde
                | VisitorErrorSde
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_0 = CartSde.from_dict(data)

                    return componentsschemas_sde_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_1 = PurchaseSde.from_dict(data)

                    return componentsschemas_sde_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_2 = ProductViewSde.from_dict(data)

                    return componentsschemas_sde_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_3 = CustomerInfoSde.from_dict(data)

                    return componentsschemas_sde_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_4 = MarketingSourceSde.from_dict(data)

                    return componentsschemas_sde_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_5 = PersonalInfoSde.from_dict(data)

                    return componentsschemas_sde_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_6 = LeadSde.from_dict(data)

                    return componentsschemas_sde_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_7 = ServiceActivitySde.from_dict(data)

                    return componentsschemas_sde_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sde_type_8 = VisitorErrorSde.from_dict(data)

                    return componentsschemas_sde_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_sde_type_9 = SearchContentSde.from_dict(data)

                return componentsschemas_sde_type_9

            sdes_item = _parse_sdes_item(sdes_item_data)

            sdes.append(sdes_item)

        shark_visitor_id = d.pop("sharkVisitorId")

        shark_session_id = d.pop("sharkSessionId")

        set_sdes_request = cls(
            sdes=sdes,
            shark_visitor_id=shark_visitor_id,
            shark_session_id=shark_session_id,
        )

        return set_sdes_request
