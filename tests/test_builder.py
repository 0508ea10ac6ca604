"""The fluent builder and the typed constructors: immutable, complete, checked by build()."""

from __future__ import annotations

import base64
import json
import re

import httpx
import pytest

import lptpb_models as models
from examples.seed003 import build_seed
from lptpb_ext import Bearer, Client, Messages, RequestValidationError, meta, sc, sde, validate_body
from tests import spec as oas
from tests.test_validation import SEED_003

README = (oas.ROOT / "README.md").read_text(encoding="utf-8")


def wire(model: models.SendMessagesRequest) -> object:
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True)


def test_seed_003_example_is_a_few_builder_lines():
    """The builder reproduces seed 003's full example payload exactly."""
    assert oas.same_json(wire(build_seed()), SEED_003)
    assert oas.errors("SendMessagesRequest", wire(build_seed())) == []


def test_readme_block_builds_the_seed_example():
    """The README's "Building messages" block runs as written and builds seed 003's payload."""
    blocks = re.findall(r"```python\n(# Building messages\n.*?)```", README, flags=re.DOTALL)
    assert len(blocks) == 1, "README needs one python block starting '# Building messages'"
    scope: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), scope)  # noqa: S102 - our own README's example
    assert oas.same_json(wire(scope["request"]), SEED_003)


def test_steps_return_new_values_and_never_change_the_old():
    """Each step returns a new Messages; earlier ones keep their messages; nothing is settable."""
    empty = Messages()
    one = empty.text("a")
    two = one.text("b")
    assert (len(empty), len(one), len(two)) == (0, 1, 2)
    assert wire(one.build()) == {"messages": ["a"]}
    assert wire(two.build()) == {"messages": ["a", "b"]}
    with_context = two.context(intent_id="i")
    assert "context" not in wire(two.build())
    assert wire(with_context.build())["context"] == {"intentId": "i"}
    with pytest.raises(AttributeError):
        one._items = ()  # type: ignore[misc]


def test_build_returns_the_public_model_and_validate_body_accepts_it_at_once():
    """build() gives lptpb_models.SendMessagesRequest, which validate_body returns as it is."""
    request = Messages().text("hi").build()
    assert type(request) is models.SendMessagesRequest
    assert validate_body(models.SendMessagesRequest, request) is request


def test_empty_batch_cannot_be_built():
    """A batch needs at least one message."""
    with pytest.raises(RequestValidationError) as caught:
        Messages().build()
    assert (caught.value.path, caught.value.rule) == ("messages", "minItems")


def test_build_errors_name_the_message_and_field():
    """A bad message raises from build() with its full path in the batch and the rule."""
    two = Messages().text("a").pause(1)
    cases = [
        (
            two.quick_replies("pick", {"type": "button", "title": "t" * 129}),
            ("messages[2].structuredContent.quickReplies.replies[0].title", "maxLength"),
        ),
        (two.pause(-1), ("messages[2].delay", "minimum")),
        (
            two.structured(
                {"type": "vertical", "elements": [{"type": "button", "title": "t" * 129}]}
            ),
            ("messages[2].structuredContent.elements[0].title", "maxLength"),
        ),
        (two.text(""), ("messages[2]", "minLength")),
    ]
    for batch, expected in cases:
        with pytest.raises(RequestValidationError) as caught:
            batch.build()
        assert (caught.value.path, caught.value.rule) == expected
    assert len(two.build().messages) == 2  # the good prefix still builds


def test_constructors_return_the_json_and_mistakes_surface_with_their_path():
    """sc and meta constructors give the API's JSON; build() reports a bad field by path."""
    assert sc.button("Go", click=sc.publish_text("go"), kind="button") == {
        "type": "button",
        "title": "Go",
        "class": "button",
        "click": {"actions": [{"type": "publishText", "text": "go"}]},
    }
    assert meta.external_id("x") == {"type": "ExternalId", "id": "x"}
    with pytest.raises(RequestValidationError) as caught:
        Messages().quick_replies("pick", "fine", sc.chip("t" * 129)).build()
    assert (caught.value.path, caught.value.rule) == (
        "messages[0].structuredContent.quickReplies.replies[1].title",
        "maxLength",
    )
    with pytest.raises(RequestValidationError) as caught:
        Messages().structured(sc.vertical(sc.button("b", click=sc.link("not a uri")))).build()
    assert (caught.value.path, caught.value.rule) == (
        "messages[0].structuredContent.elements[0].click.actions[0].uri",
        "pattern",
    )


def test_extra_may_not_repeat_a_named_field():
    """A field given both by keyword and in extra is refused at once, naming the field."""
    with pytest.raises(RequestValidationError) as caught:
        sc.text("a", tag="x", extra={"tag": "y"})
    assert (caught.value.path, caught.value.rule) == ("tag", "duplicate")


def test_structured_content_over_the_limit_is_refused_by_build():
    """15000 bytes is checked by build(), on the content as it will be sent."""
    cards = [sc.text("é" * 1900) for _ in range(4)]
    batch = Messages().text("a").structured(sc.carousel(*cards))
    with pytest.raises(RequestValidationError) as caught:
        batch.build()
    assert (caught.value.path, caught.value.rule) == (
        "messages[1].structuredContent",
        "maxSerializedBytes",
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (b"\x00\xffbinary", base64.b64encode(b"\x00\xffbinary").decode()),
        ("Hello World!", "SGVsbG8gV29ybGQh"),
        ("héllo", base64.b64encode("héllo".encode()).decode()),
        (models.EncodedMetadata("SGVsbG8gV29ybGQh"), "SGVsbG8gV29ybGQh"),
    ],
)
def test_encoded_metadata_is_encoded_for_the_caller(given, expected):
    """Bytes and text are base64-encoded (text as UTF-8); an EncodedMetadata is taken as is."""
    request = Messages().structured(sc.text("t"), encoded_metadata=given).build()
    assert wire(request)["messages"][0]["encodedMetadata"] == expected


def test_encoded_metadata_over_5k_is_refused():
    """3841 bytes encode to 5124 base64 characters, over the 5120-byte limit."""
    with pytest.raises(RequestValidationError) as caught:
        Messages().structured(sc.text("t"), encoded_metadata=b"x" * 3841).build()
    assert (caught.value.path, caught.value.rule) == ("messages[0].encodedMetadata", "maxLength")


def test_every_element_action_and_style_builds_valid_structured_content():
    """Each typed element, action, click and style produces content the contract accepts."""
    actions = [
        sc.publish_text("hi"),
        sc.link("https://example.com", name="site", target="blank", ios="app://x", web="https://w"),
        sc.navigate(la=32.1, lo=34.8, name="office"),
        sc.add_to_cart(("sku-1", 2), {"productId": "sku-2", "quantity": 1}),
        sc.custom({"key": "value"}),
        sc.date_picker("range", title="When?", min_date=1, max_date=2, date_format="dd/MM"),
        sc.schedule_slots(sc.schedule_slot("s1", 1700000000, end=1700003600), title="Slots"),
    ]
    style = sc.style(
        color="#000", background_color="#fff", bold=True, size="large", padding={"top": 4}
    )
    cards = [
        sc.vertical(
            sc.image("https://example.com/a.png", caption="A", click=actions[1]),
            sc.text("Title", style=style, tag="title", click=actions[:2]),
            sc.button("Go", kind="button", subtitle="now", click=sc.click(*actions[:4])),
            sc.map(la=1.5, lo=2.5, click=actions[2]),
            sc.link_preview("https://example.com", title="Example"),
            border="dropShadow",
            scroll="enable",
            separator={"thickness": 2},
        ),
        sc.horizontal(
            sc.button("A", click=actions[4:]),
            sc.button("B", click={"actions": [], "metadata": [{"free": "form"}]}),
            percentages=[50, 50],
            border_line=False,
        ),
    ]
    content = sc.carousel(*cards, padding=4, extra={"tooltip": "cards"})
    request = Messages().structured(content).build()
    sent = wire(request)["messages"][0]["structuredContent"]
    assert oas.errors("StructuredContent", sent) == []
    assert sent["tooltip"] == "cards"
    assert sent["elements"][0]["elements"][2]["class"] == "button"


def test_quick_replies_accept_chips_strings_and_dicts():
    """A bare string chip publishes its own title; items_per_row defaults to 8."""
    request = (
        Messages()
        .quick_replies(
            "Pick", "Yes", sc.chip("No", tooltip="nope"), {"type": "button", "title": "Maybe"}
        )
        .build()
    )
    content = wire(request)["messages"][0]["structuredContent"]
    assert content["quickReplies"]["itemsPerRow"] == 8
    assert content["quickReplies"]["replies"][0] == {
        "type": "button",
        "title": "Yes",
        "click": {"actions": [{"type": "publishText", "text": "Yes"}]},
    }
    assert oas.errors("QuickRepliesContent", content) == []


def test_every_metadata_constructor_makes_valid_message_metadata():
    """Each documented metadata type's constructor yields an item the contract accepts."""
    items = [
        meta.external_id("id-1"),
        meta.bot_response(
            intents=[meta.intent("greet", 0.9, name="Greeting", confidence="high")],
            business_cases=["billing"],
            external_conversation_id="ext",
            bot={"botId": "b1", "botProviderType": "3P_EXTERNAL_CONNECTOR"},
        ),
        meta.action_reason("escalated_by_user", reason_id="r1"),
        meta.escalation_summary(
            escalation_cause="escalated_by_bot",
            business_cases=[("case", 3)],
            conversation_duration=60,
            escalated_during_business_case="case",
        ),
        meta.connector_payment_response(status=True, request_identifier="req"),
        meta.connector_authentication_response(status=False, errors=["denied"]),
        meta.social_conversation_data(direct_messaging_id="dm", user_profile={"name": "x"}),
        meta.social_event_data(event={"source": "Twitter", "type": "Tweet"}, channel="Public"),
        meta.business_chat_message({"title": "Pick a time", "style": "icon"}),
        meta.channel("WhatsAppSingleProduct", {"productId": "p"}),
    ]
    request = Messages().structured(sc.text("t"), metadata=items).build()
    sent = wire(request)["messages"][0]["metadata"]
    assert [m["type"] for m in sent] == [
        "ExternalId",
        "BotResponse",
        "ActionReason",
        "EscalationSummary",
        "ConnectorPaymentResponse",
        "ConnectorAuthenticationResponse",
        "SocialMessagingConversationData",
        "SocialMessagingEventData",
        "BusinessChatMessage",
        "WhatsAppSingleProduct",
    ]
    for item in sent:
        assert oas.errors("MessageMetadata", item) == []


ALL_SDES = [
    sde.cart(
        total=11.7, num_items=6, currency="USD", products=[(sde.product(name="p", price=7.8), 1)]
    ),
    sde.purchase(
        total=11.7, currency="USD", order_id="o1", products=[({"sku": "s"}, 2)], num_items=2
    ),
    sde.product_view(
        products=[sde.product(name="p", category="c", sku="s", price=1)], currency="USD"
    ),
    sde.customer_info(
        ctype="vip",
        cstatus="cancelled",
        balance=-400.99,
        customer_id="138766AC",
        company_size=5,
        last_payment_date=sde.date(day=1, month=2, year=2024),
        login_status=0,
    ),
    sde.marketing_source(channel="1", affiliate="a", campaign_id="c"),
    sde.personal_info(
        firstname="John",
        lastname="Doe",
        age={"age": 34, "year": 1990},
        contacts=[{"email": "j@example.com", "phoneType": "MOBILE", "address": {"country": "US"}}],
        gender="MALE",
        language="en-US",
    ),
    sde.lead(topic="luxury car", value=22.22, currency="USD", lead_id="xyz123"),
    sde.service_activity(topic="order", status=0, category="c", service_id="s"),
    sde.visitor_error(context_id="c", message="m", code="e1", level=10, resolved=False),
    sde.search_content("shoes", "red"),
]


def test_all_ten_sde_types_have_typed_constructors():
    """The ten constructors cover the ten SDE tags, and a set-SDEs body of them validates."""
    tags = {s.type for s in ALL_SDES}
    assert tags == set(oas.spec()["components"]["schemas"]["Sde"]["discriminator"]["mapping"])
    body = {
        "sdes": [s.model_dump(by_alias=True, exclude_unset=True) for s in ALL_SDES],
        "sharkVisitorId": "v",
        "sharkSessionId": "s",
    }
    assert oas.errors("SetSdesRequest", body) == []
    validate_body(models.SetSdesRequest, body)


def test_sde_constructor_refuses_a_bad_field():
    """An SDE constructor checks its fields (service status is 0-10)."""
    with pytest.raises(RequestValidationError) as caught:
        sde.service_activity(status=11)
    assert (caught.value.path, caught.value.rule) == ("service.status", "maximum")


def test_a_foreign_model_is_checked_again():
    """A generated model made without validation is checked when given to the builder."""
    unchecked = models.ButtonElement.model_construct(type="button", title="t" * 200)
    with pytest.raises(RequestValidationError) as caught:
        Messages().structured(unchecked).build()
    assert caught.value.path == "messages[0].structuredContent.title"


def test_built_request_is_sent_as_built():
    """The client sends the built model's JSON, byte for byte what the builder made."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"commandId": "9"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = Client(
        "1", Bearer("t"), http_client=http, base_url="https://va.bc-intg.liveperson.net"
    )
    with client:
        client.send_messages("conv", build_seed())
    assert oas.same_json(json.loads(sent[0].content), SEED_003)
