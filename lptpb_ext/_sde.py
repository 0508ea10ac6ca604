"""Typed constructors for the ten SDE (engagement attribute) types, public as ``lptpb_ext.sde``.

Each returns the generated pydantic SDE model, validated, ready for ``set_sdes``::

    from lptpb_ext import sde

    sdes = [
        sde.customer_info(ctype="vip", customer_id="138766AC", balance=-400.99, currency="USD"),
        sde.personal_info(firstname="John", lastname="Doe", gender="MALE"),
        sde.cart(total=11.7, num_items=6, products=[(sde.product(name="prod1", price=7.8), 1)]),
    ]

Nested objects (a contact, a date, a product) are keyword constructors too, or plain dicts in
the API's spelling. Only ``customer_info`` and ``personal_info`` are honoured for authenticated
consumers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeAlias

from lptpb_ext._make import make, present
from lptpb_models import (
    CartSde,
    CustomerInfoSde,
    LeadSde,
    MarketingSourceSde,
    PersonalInfoSde,
    ProductViewSde,
    PurchaseSde,
    SdeDate,
    SdeProduct,
    SearchContentSde,
    ServiceActivitySde,
    VisitorErrorSde,
)

__all__ = [
    "AnySde",
    "cart",
    "customer_info",
    "date",
    "lead",
    "marketing_source",
    "personal_info",
    "product",
    "product_view",
    "purchase",
    "search_content",
    "service_activity",
    "visitor_error",
]

AnySde: TypeAlias = (
    CartSde
    | PurchaseSde
    | ProductViewSde
    | CustomerInfoSde
    | MarketingSourceSde
    | PersonalInfoSde
    | LeadSde
    | ServiceActivitySde
    | VisitorErrorSde
    | SearchContentSde
)
"""Any of the ten SDE models these constructors return."""

ProductLine: TypeAlias = tuple[SdeProduct | Mapping[str, Any], int] | Mapping[str, Any]
"""A product and its quantity: ``(sde.product(...), 2)`` or ``{"product": ..., "quantity": 2}``."""


def _lines(products: Sequence[ProductLine] | None) -> list[Any] | None:
    if products is None:
        return None
    return [{"product": p[0], "quantity": p[1]} if isinstance(p, tuple) else p for p in products]


def product(
    *,
    name: str | None = None,
    category: str | None = None,
    sku: str | None = None,
    price: float | None = None,
) -> SdeProduct:
    """A product of a cart, purchase or product view."""
    fields = {"name": name, "category": category, "sku": sku, "price": price}
    return make(SdeProduct, "product", fields, None)


def date(*, day: int | None = None, month: int | None = None, year: int | None = None) -> SdeDate:
    """A calendar date, as the customer-info dates take it."""
    return make(SdeDate, "date", {"day": day, "month": month, "year": year}, None)


def cart(
    *,
    total: float,
    num_items: int,
    currency: str | None = None,
    products: Sequence[ProductLine] | None = None,
) -> CartSde:
    """The consumer's cart as it is now (``cart``)."""
    fields = {"type": "cart", "total": total, "numItems": num_items, "currency": currency}
    return make(CartSde, "cart", {**fields, "products": _lines(products)}, None)


def purchase(
    *,
    total: float | None = None,
    currency: str | None = None,
    order_id: str | None = None,
    products: Sequence[ProductLine] | None = None,
    num_items: int | None = None,
) -> PurchaseSde:
    """A purchase (``purchase``); ``products`` and ``num_items`` make its ``cart``."""
    bought = None
    if products is not None:
        bought = present({"products": _lines(products), "numItems": num_items})
    fields = {"type": "purchase", "total": total, "currency": currency, "orderId": order_id}
    return make(PurchaseSde, "purchase", {**fields, "cart": bought}, None)


def product_view(
    *, products: Sequence[SdeProduct | Mapping[str, Any]], currency: str | None = None
) -> ProductViewSde:
    """Products the consumer looked at (``prodView``)."""
    viewed = [{"product": p} for p in products]
    fields = {"type": "prodView", "products": viewed, "currency": currency}
    return make(ProductViewSde, "prodView", fields, None)


def customer_info(
    *,
    ctype: str | None = None,
    cstatus: str | None = None,
    balance: float | None = None,
    currency: str | None = None,
    customer_id: str | None = None,
    social_id: str | None = None,
    imei: str | None = None,
    user_name: str | None = None,
    company_size: int | None = None,
    company_branch: str | None = None,
    account_name: str | None = None,
    role: str | None = None,
    last_payment_date: SdeDate | Mapping[str, int] | None = None,
    registration_date: SdeDate | Mapping[str, int] | None = None,
    login_status: int | None = None,
    store_zip_code: str | None = None,
    store_number: str | None = None,
) -> CustomerInfoSde:
    """Who the customer is to the brand (``ctmrinfo``): tier, status, balance, ids."""
    info = {
        "ctype": ctype,
        "cstatus": cstatus,
        "balance": balance,
        "currency": currency,
        "customerId": customer_id,
        "socialId": social_id,
        "imei": imei,
        "userName": user_name,
        "companySize": company_size,
        "companyBranch": company_branch,
        "accountName": account_name,
        "role": role,
        "lastPaymentDate": last_payment_date,
        "registrationDate": registration_date,
        "loginStatus": login_status,
        "storeZipCode": store_zip_code,
        "storeNumber": store_number,
    }
    return make(CustomerInfoSde, "ctmrinfo", {"type": "ctmrinfo", "info": present(info)}, None)


def marketing_source(
    *,
    channel: Literal[0, 1, 2, 3, 4, "0", "1", "2", "3", "4"] | None = None,
    affiliate: str | None = None,
    campaign_id: str | None = None,
) -> MarketingSourceSde:
    """How the consumer arrived (``mrktInfo``): 0 direct, 1 search, 2 social, 3 email, 4 refer."""
    info = present({"channel": channel, "affiliate": affiliate, "campaignId": campaign_id})
    return make(MarketingSourceSde, "mrktInfo", {"type": "mrktInfo", "info": info}, None)


def personal_info(
    *,
    firstname: str | None = None,
    lastname: str | None = None,
    age: Mapping[str, int] | None = None,
    contacts: Sequence[Mapping[str, Any]] | None = None,
    gender: int | str | None = None,
    company: str | None = None,
    language: str | None = None,
) -> PersonalInfoSde:
    """The consumer's personal details (``personal``); gender as 0/1/2 or MALE/FEMALE/OTHER."""
    personal = {
        "firstname": firstname,
        "lastname": lastname,
        "age": age,
        "contacts": None if contacts is None else list(contacts),
        "gender": gender,
        "company": company,
        "language": language,
    }
    fields = {"type": "personal", "personal": present(personal)}
    return make(PersonalInfoSde, "personal", fields, None)


def lead(
    *,
    topic: str | None = None,
    value: float | None = None,
    currency: str | None = None,
    lead_id: str | None = None,
) -> LeadSde:
    """A sales lead (``lead``)."""
    details = present({"topic": topic, "value": value, "currency": currency, "leadId": lead_id})
    return make(LeadSde, "lead", {"type": "lead", "lead": details}, None)


def service_activity(
    *,
    topic: str | None = None,
    status: int | None = None,
    category: str | None = None,
    service_id: str | None = None,
) -> ServiceActivitySde:
    """A service request and its status 0-10 (``service``; 0 complete ... 10 waiting)."""
    fields = {"topic": topic, "status": status, "category": category, "serviceId": service_id}
    details = present(fields)
    return make(ServiceActivitySde, "service", {"type": "service", "service": details}, None)


def visitor_error(
    *,
    context_id: str | None = None,
    message: str | None = None,
    code: str | None = None,
    level: int | None = None,
    resolved: bool | None = None,
) -> VisitorErrorSde:
    """An error the consumer ran into (``error``)."""
    fields = {"contextId": context_id, "message": message, "code": code, "level": level}
    details = present({**fields, "resolved": resolved})
    return make(VisitorErrorSde, "error", {"type": "error", "error": details}, None)


def search_content(*keywords: str) -> SearchContentSde:
    """What the consumer searched for (``searchInfo``)."""
    fields = {"type": "searchInfo", "keywords": list(keywords)}
    return make(SearchContentSde, "searchInfo", fields, None)
