from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sde_date import SdeDate


T = TypeVar("T", bound="SdeCustomerInfo")


@_attrs_define
class SdeCustomerInfo:
    """Customer information. `ctype` (tier, e.g. "vip") and `cstatus` (e.g. "cancelled") are free strings compared case-
    insensitively. `storeZipCode` and `storeNumber` are not honoured for authenticated consumers.

        Attributes:
            ctype (str | Unset):
            cstatus (str | Unset):
            balance (float | Unset):
            currency (str | Unset):
            customer_id (str | Unset):
            social_id (str | Unset):
            imei (str | Unset):
            user_name (str | Unset):
            company_size (int | Unset):
            company_branch (str | Unset):
            account_name (str | Unset):
            role (str | Unset):
            last_payment_date (SdeDate | Unset): A calendar date.
            registration_date (SdeDate | Unset): A calendar date.
            login_status (int | Unset):
            store_zip_code (str | Unset):
            store_number (str | Unset):
    """

    ctype: str | Unset = UNSET
    cstatus: str | Unset = UNSET
    balance: float | Unset = UNSET
    currency: str | Unset = UNSET
    customer_id: str | Unset = UNSET
    social_id: str | Unset = UNSET
    imei: str | Unset = UNSET
    user_name: str | Unset = UNSET
    company_size: int | Unset = UNSET
    company_branch: str | Unset = UNSET
    account_name: str | Unset = UNSET
    role: str | Unset = UNSET
    last_payment_date: SdeDate | Unset = UNSET
    registration_date: SdeDate | Unset = UNSET
    login_status: int | Unset = UNSET
    store_zip_code: str | Unset = UNSET
    store_number: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ctype = self.ctype

        cstatus = self.cstatus

        balance = self.balance

        currency = self.currency

        customer_id = self.customer_id

        social_id = self.social_id

        imei = self.imei

        user_name = self.user_name

        company_size = self.company_size

        company_branch = self.company_branch

        account_name = self.account_name

        role = self.role

        last_payment_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.last_payment_date, Unset):
            last_payment_date = self.last_payment_date.to_dict()

        registration_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.registration_date, Unset):
            registration_date = self.registration_date.to_dict()

        login_status = self.login_status

        store_zip_code = self.store_zip_code

        store_number = self.store_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ctype is not UNSET:
            field_dict["ctype"] = ctype
        if cstatus is not UNSET:
            field_dict["cstatus"] = cstatus
        if balance is not UNSET:
            field_dict["balance"] = balance
        if currency is not UNSET:
            field_dict["currency"] = currency
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id
        if social_id is not UNSET:
            field_dict["socialId"] = social_id
        if imei is not UNSET:
            field_dict["imei"] = imei
        if user_name is not UNSET:
            field_dict["userName"] = user_name
        if company_size is not UNSET:
            field_dict["companySize"] = company_size
        if company_branch is not UNSET:
            field_dict["companyBranch"] = company_branch
        if account_name is not UNSET:
            field_dict["accountName"] = account_name
        if role is not UNSET:
            field_dict["role"] = role
        if last_payment_date is not UNSET:
            field_dict["lastPaymentDate"] = last_payment_date
        if registration_date is not UNSET:
            field_dict["registrationDate"] = registration_date
        if login_status is not UNSET:
            field_dict["loginStatus"] = login_status
        if store_zip_code is not UNSET:
            field_dict["storeZipCode"] = store_zip_code
        if store_number is not UNSET:
            field_dict["storeNumber"] = store_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sde_date import SdeDate  # noqa: PLC0415

        d = dict(src_dict)
        ctype = d.pop("ctype", UNSET)

        cstatus = d.pop("cstatus", UNSET)

        balance = d.pop("balance", UNSET)

        currency = d.pop("currency", UNSET)

        customer_id = d.pop("customerId", UNSET)

        social_id = d.pop("socialId", UNSET)

        imei = d.pop("imei", UNSET)

        user_name = d.pop("userName", UNSET)

        company_size = d.pop("companySize", UNSET)

        company_branch = d.pop("companyBranch", UNSET)

        account_name = d.pop("accountName", UNSET)

        role = d.pop("role", UNSET)

        _last_payment_date = d.pop("lastPaymentDate", UNSET)
        last_payment_date: SdeDate | Unset
        if isinstance(_last_payment_date, Unset):
            last_payment_date = UNSET
        else:
            last_payment_date = SdeDate.from_dict(_last_payment_date)

        _registration_date = d.pop("registrationDate", UNSET)
        registration_date: SdeDate | Unset
        if isinstance(_registration_date, Unset):
            registration_date = UNSET
        else:
            registration_date = SdeDate.from_dict(_registration_date)

        login_status = d.pop("loginStatus", UNSET)

        store_zip_code = d.pop("storeZipCode", UNSET)

        store_number = d.pop("storeNumber", UNSET)

        sde_customer_info = cls(
            ctype=ctype,
            cstatus=cstatus,
            balance=balance,
            currency=currency,
            customer_id=customer_id,
            social_id=social_id,
            imei=imei,
            user_name=user_name,
            company_size=company_size,
            company_branch=company_branch,
            account_name=account_name,
            role=role,
            last_payment_date=last_payment_date,
            registration_date=registration_date,
            login_status=login_status,
            store_zip_code=store_zip_code,
            store_number=store_number,
        )

        return sde_customer_info
