"""check_channel: the rule files, one example pair per rule, properties drawn from the contract,
the builder's ``build(channels=...)`` and the functions the command line calls."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lptpb_models as models
from lptpb_ext import (
    ChannelBuild,
    ChannelError,
    ChannelProblem,
    Messages,
    RequestValidationError,
    check_channel,
    meta,
    sc,
    validate_body,
)
from lptpb_ext._channel_check import (
    EXIT_OK,
    EXIT_PROBLEMS,
    check_before_send,
    check_file,
    check_value,
    format_problems,
    problems_json,
)
from lptpb_ext._channel_rules import (
    CHANNELS,
    CHECKS,
    RuleFileError,
    channel_rules,
    parse_rules,
    resolve_channel,
)
from lptpb_ext._limits import MAX_STRUCTURED_CONTENT_BYTES, serialized_size
from tests import spec as oas
from tests.channel_examples import CONTRACT_REFUSES, EXAMPLES
from tests.strategies import spec_values


def _script():
    path = oas.ROOT / "scripts" / "channels_table.py"
    loaded = importlib.util.spec_from_file_location("lptpb_channels_table", path)
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


channels_table = _script()
RULES = {rule.id: rule for name in CHANNELS for rule in channel_rules(name).rules}


def ids(problems: list[ChannelProblem]) -> list[str]:
    return [p.rule for p in problems]


# ---- the rule files ------------------------------------------------------------------------
def test_ten_channels_have_rule_files_with_sources():
    """Each of the ten channels has a rule file whose rules all name an https source page."""
    assert len(CHANNELS) == 10
    for name in CHANNELS:
        rules = channel_rules(name)
        assert rules.channel == name
        assert rules.about.startswith("https://")
        assert rules.rules, name
        assert rules.left_out, f"{name}: say what LivePerson documents that is left out"
        for rule in rules.rules:
            assert rule.source.startswith("https://"), rule.id
            assert rule.message, rule.id
            assert rule.topic, rule.id


def test_rule_files_ship_in_the_package():
    """The rule files live inside lptpb_ext (the wheel ships the whole package directory)."""
    folder = Path(__file__).resolve().parent.parent / "lptpb_ext" / "channels"
    assert sorted(p.stem for p in folder.glob("*.toml")) == sorted(CHANNELS)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"check": "max_size"}, "check must be one of"),
        ({"severity": "fatal"}, "severity must be"),
        ({"source": "http://example.com"}, "source must be an https"),
        ({"id": "line.x"}, "id must start with 'web.'"),
        ({"limit": -1}, "limit must be a whole number"),
        ({"limit": True}, "limit must be a whole number"),
        ({"sure": "yes"}, "sure must be true or false"),
        ({"colour": "red"}, "unknown ['colour']"),
        ({"field": None}, "missing ['field']"),
        ({"select": []}, "select: must be a string or a non-empty list"),
        ({"where": {}}, "where: must be a non-empty table"),
    ],
)
def test_a_malformed_rule_is_refused_with_its_name(change, complaint):
    """The loader refuses a rule outside the rule language, naming the file and the rule."""
    rule = {
        "id": "web.x",
        "topic": "T",
        "select": ["chip"],
        "check": "max_length",
        "field": "title",
        "limit": 3,
        "severity": "warning",
        "message": "m",
        "source": "https://example.com/",
        "sure": True,
    }
    rule.update(change)
    rule = {k: v for k, v in rule.items() if v is not None}
    with pytest.raises(RuleFileError, match=r"web\.toml") as caught:
        parse_rules({"channel": "web", "about": "https://e.example/", "rule": [rule]}, "web")
    assert complaint in str(caught.value)


def test_a_file_needs_its_channel_rules_and_unique_ids():
    """A file names its own channel, an https page, at least one rule and unique rule ids."""
    good = dict(RULES["web.chip.title"].__dict__)
    raw = {
        "id": "web.a",
        "topic": "T",
        "select": "chip",
        "check": "max_length",
        "field": "title",
        "limit": 1,
        "severity": "error",
        "message": "m",
        "source": good["source"],
        "sure": False,
    }
    with pytest.raises(RuleFileError, match="channel must be 'web'"):
        parse_rules({"channel": "sms", "about": "https://e.example/", "rule": [raw]}, "web")
    with pytest.raises(RuleFileError, match="about must be"):
        parse_rules({"channel": "web", "about": "e.example", "rule": [raw]}, "web")
    with pytest.raises(RuleFileError, match="at least one"):
        parse_rules({"channel": "web", "about": "https://e.example/"}, "web")
    with pytest.raises(RuleFileError, match="unique"):
        parse_rules({"channel": "web", "about": "https://e.example/", "rule": [raw, raw]}, "web")


def test_every_check_kind_is_used_by_some_rule():
    """The rule language has no dead check kinds."""
    assert {rule.check for rule in RULES.values()} == set(CHECKS)


def test_channel_names_and_aliases():
    """Names and aliases in any case pick the channel; anything else is refused."""
    assert resolve_channel("Facebook") == "facebook"
    assert resolve_channel("X") == "twitter"
    assert resolve_channel("abc") == "apple"
    assert resolve_channel(" rcs ") == "rbm"
    with pytest.raises(ValueError, match="unknown channel 'myspace'; known: web, facebook"):
        check_channel(sc.text("hi"), "myspace")
    with pytest.raises(TypeError):
        resolve_channel(3)


# ---- one compliant and one violating example per rule ---------------------------------------
def test_every_rule_has_an_example_pair():
    """The examples cover exactly the rules in the files."""
    assert set(EXAMPLES) == set(RULES)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_examples(rule_id):
    """The compliant example passes the rule; the violating one breaks it, at its severity;
    both are API-valid except where the channel's limit is the contract's own."""
    rule = RULES[rule_id]
    channel = rule_id.split(".")[0]
    compliant, violating = EXAMPLES[rule_id]
    assert rule_id not in ids(check_channel(compliant, channel))
    found = [p for p in check_channel(violating, channel) if p.rule == rule_id]
    assert found, f"{rule_id} did not fire on its violating example"
    assert {p.severity for p in found} == {rule.severity}
    assert all(p.source == rule.source and p.sure == rule.sure for p in found)
    assert all(p.message.startswith(rule.message) for p in found)
    validate_body(models.SendMessagesRequest, {"messages": [compliant]})
    if rule_id in CONTRACT_REFUSES:
        with pytest.raises(RequestValidationError):
            validate_body(models.SendMessagesRequest, {"messages": [violating]})
    else:
        validate_body(models.SendMessagesRequest, {"messages": [violating]})


def test_paths_follow_the_form_given():
    """Paths are in the API's spelling, relative to what was passed."""
    qr = EXAMPLES["facebook.quick-replies.count"][1]
    assert ids(check_channel(qr, "facebook"))[0] == "facebook.quick-replies.count"
    assert check_channel(qr, "facebook")[0].path == "structuredContent.quickReplies.replies"
    bare = qr["structuredContent"]["quickReplies"]
    assert check_channel(bare, "facebook")[0].path == "replies"
    assert check_channel(qr["structuredContent"], "facebook")[0].path == "quickReplies.replies"
    card = sc.vertical(sc.text("T"), sc.button("x" * 21, click=sc.navigate(la=1, lo=2)))
    paths = {p.rule: p.path for p in check_channel(card, "facebook")}
    assert paths == {
        "facebook.button.title": "elements[1].title",
        "facebook.actions": "elements[1].click.actions[0]",
    }
    assert check_channel(sc.carousel(card, card), "sms")[0].path == ""


def test_metadata_can_be_given_apart_and_models_are_taken():
    """metadata= serves bare content; generated models are read as their JSON."""
    card = sc.vertical(sc.text("Pick a time"))
    assert ids(check_channel(card, "apple")) == ["apple.metadata"]
    bubble = meta.business_chat_message({"title": "Pick a time"})
    assert check_channel(card, "apple", metadata=[bubble]) == []
    model = models.StructuredContentMessage.model_validate({"structuredContent": card})
    assert check_channel(model, "apple")[0].path == "metadata"
    chip_model = models.QuickReply.model_validate(sc.chip("y" * 25))
    qr = {"type": "quickReplies", "itemsPerRow": 1, "replies": [chip_model]}
    assert ids(check_channel(qr, "facebook")) == ["facebook.chip.title"]


def test_card_titles_are_tagged_texts_before_the_first_two():
    """A text tagged title/subtitle is the card's title/subtitle, else the first two texts."""
    long = "L" * 50
    tagged = sc.vertical(sc.text(long), sc.text("Short", tag="title"), sc.text("s", tag="subtitle"))
    assert check_channel(tagged, "line") == []
    untagged = sc.vertical(sc.text(long), sc.text("Short"))
    assert ids(check_channel(untagged, "line")) == ["line.card.title"]
    assert check_channel(sc.text(long), "line") == []  # a bare text is no card's title


def test_problems_read_as_one_line_and_as_json():
    """str() gives path, severity, message and rule; to_json() carries every field."""
    problem = check_channel(EXAMPLES["facebook.chip.title"][1], "facebook")[0]
    assert str(problem) == (
        "structuredContent.quickReplies.replies[0].title: warning: Facebook Messenger shows a "
        "quick-reply title of up to 20 characters (21 characters) [facebook.chip.title]"
    )
    assert problem.to_json()["source"] == problem.source


# ---- properties ----------------------------------------------------------------------------
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "type",
                    "elements",
                    "click",
                    "actions",
                    "replies",
                    "quickReplies",
                    "title",
                    "text",
                    "tag",
                    "url",
                    "structuredContent",
                    "metadata",
                ]
            ),
            inner | st.sampled_from(["vertical", "carousel", "button", "text", "quickReplies"]),
            max_size=5,
        )
    ),
    max_leaves=20,
)


def _resolves(value: object, path: str) -> bool:
    """Whether ``path`` (``a.b[2].c``) names a place in ``value``."""
    node = value
    for part in path.replace("[", ".[").split(".") if path else []:
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(node, list) or index >= len(node):
                return False
            node = node[index]
        else:
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(message=spec_values("StructuredContentMessage"), channel=st.sampled_from(CHANNELS))
def test_contract_content_never_raises_and_web_never_errors(message, channel):
    """For content the contract accepts, check_channel never raises, every path names a place
    in the content (or its message's metadata), and web reports warnings only."""
    if serialized_size(message["structuredContent"]) > MAX_STRUCTURED_CONTENT_BYTES:
        return
    problems = check_channel(message, channel)
    for problem in problems:
        assert problem.severity in ("error", "warning")
        assert problem.path == "metadata" or _resolves(message, problem.path), problem
    assert all(p.severity == "warning" for p in check_channel(message, "web"))
    bare = check_channel(message["structuredContent"], "web")
    assert all(p.severity == "warning" for p in bare)


@settings(max_examples=40, deadline=None)
@given(value=JSON, channel=st.sampled_from(CHANNELS))
def test_any_json_value_is_checked_without_raising(value, channel):
    """Malformed content is skipped, never a crash: the contract is validate_body's job."""
    for problem in check_channel(value, channel):
        assert isinstance(problem, ChannelProblem)
    for problem in check_channel(sc.text("x"), channel, metadata=[value, {"type": value}]):
        assert isinstance(problem, ChannelProblem)


@pytest.mark.parametrize("channel", CHANNELS)
def test_unhashable_tags_are_no_crash(channel):
    """A list where a ``type`` or ``tag`` should be (found by the property above) is skipped."""
    odd = {"type": ["carousel"], "tag": ["title"], "elements": [{"type": {}, "tag": []}]}
    check_channel(odd, channel)
    check_channel({"structuredContent": odd, "metadata": [{"type": []}]}, channel)


# ---- the builder ---------------------------------------------------------------------------
def test_build_without_channels_returns_the_request_as_before():
    """build() keeps its return type; channels=None is the same."""
    batch = Messages().quick_replies("Pick", *["c"] * 14)
    assert isinstance(batch.build(), models.SendMessagesRequest)
    assert isinstance(batch.build(channels=None), models.SendMessagesRequest)


def test_build_with_channels_returns_the_request_and_the_warnings():
    """Warnings come back next to the request, as a named pair; no problem, no warning."""
    batch = Messages().text("hi").quick_replies("Pick", "Yes", "A rather long answer here")
    built = batch.build(channels=["facebook", "web"])
    assert isinstance(built, ChannelBuild)
    request, warnings = built
    assert request == batch.build()
    assert [(w.channel, w.path, w.rule) for w in warnings] == [
        (
            "facebook",
            "messages[1].structuredContent.quickReplies.replies[1].title",
            "facebook.chip.title",
        ),
    ]
    assert Messages().text("hi").build(channels="sms").warnings == ()


def test_build_fails_on_a_channel_error_with_every_problem():
    """An error raises ChannelError (a RequestValidationError): first error's path, all problems."""
    batch = Messages().quick_replies("Pick", *["A long chip title here"] * 14)
    with pytest.raises(ChannelError) as caught:
        batch.build(channels=["line", "web"])
    error = caught.value
    assert isinstance(error, RequestValidationError)
    assert error.path == "messages[0].structuredContent.quickReplies.replies"
    assert error.rule == "line.quick-replies.count"
    assert "(and 14 more error(s))" in str(error)
    assert {p.rule for p in error.problems} == {"line.quick-replies.count", "line.chip.title"}


def test_build_checks_the_contract_before_the_channels():
    """A batch the API refuses fails on the contract, whatever the channels."""
    with pytest.raises(RequestValidationError) as caught:
        Messages().quick_replies("Pick", *["c"] * 25).build(channels=["facebook"])
    assert not isinstance(caught.value, ChannelError)
    with pytest.raises(ValueError, match="unknown channel"):
        Messages().text("hi").build(channels=["myspace"])


# ---- the functions the command line calls --------------------------------------------------
def _write(tmp_path: Path, value: object) -> Path:
    path = tmp_path / "content.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_check_file_reads_every_form_and_answers_an_exit_code(tmp_path):
    """Content, a message, a list of messages or a whole body: problems and 0 or 1."""
    bad = EXAMPLES["facebook.card.buttons"][1]
    for value, path in [
        (bad["structuredContent"], ""),
        (bad, "structuredContent"),
        ([bad], "messages[0].structuredContent"),
        ({"messages": ["hi", bad]}, "messages[1].structuredContent"),
    ]:
        problems, code = check_file(_write(tmp_path, value), "facebook")
        assert code == EXIT_PROBLEMS
        assert [(p.path, p.rule) for p in problems] == [(path, "facebook.card.buttons")]
    problems, code = check_file(_write(tmp_path, sc.text("hi")), ["facebook", "sms"])
    assert (problems, code) == ([], EXIT_OK)


def test_warnings_pass_unless_strict(tmp_path):
    """Warnings alone exit 0, or 1 with strict."""
    path = _write(tmp_path, EXAMPLES["facebook.chip.title"][1])
    problems, code = check_file(path, "facebook")
    assert [p.severity for p in problems] == ["warning", "warning"]
    assert code == EXIT_OK
    assert check_file(path, "facebook", strict=True)[1] == EXIT_PROBLEMS


def test_content_the_api_refuses_is_an_error_of_the_contract(tmp_path):
    """A contract violation comes first, as the contract's problem, in the file's own paths."""
    content = sc.vertical(sc.button("x" * 129))
    problems, code = check_file(_write(tmp_path, content), "web")
    assert code == EXIT_PROBLEMS
    assert [(p.channel, p.path, p.rule, p.severity) for p in problems] == [
        ("contract", "elements[0].title", "contract.maxLength", "error")
    ]
    assert check_value(content, "web", contract=False) == []
    quick = {"type": "quickReplies", "itemsPerRow": 8, "replies": [sc.chip("a")] * 25}
    assert [(p.channel, p.path, p.rule) for p in check_value(quick, "web")] == [
        ("contract", "replies", "contract.maxItems")
    ]


def test_rendering_guidelines_the_contract_accepts_are_web_warnings():
    """A 26-character chip title and nine chips per row pass the contract and warn on web."""
    quick = {"type": "quickReplies", "itemsPerRow": 9, "replies": [sc.chip("x" * 26)]}
    found = [(p.channel, p.path, p.rule, p.severity) for p in check_value(quick, "web")]
    assert found == [
        ("web", "itemsPerRow", "web.quick-replies.per-row", "warning"),
        ("web", "replies[0].title", "web.chip.title", "warning"),
    ]
    none = {"type": "quickReplies", "itemsPerRow": 0, "replies": [sc.chip("a")]}
    assert [p.rule for p in check_value(none, "web")] == ["web.quick-replies.per-row-min"]


def test_unreadable_input_and_unknown_channels_are_usage_errors(tmp_path):
    """A missing file, a file that is not JSON and an unknown channel raise ValueError."""
    with pytest.raises(ValueError, match="cannot read"):
        check_file(tmp_path / "missing.json", "web")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="is not JSON"):
        check_file(broken, "web")
    with pytest.raises(ValueError, match="unknown channel"):
        check_file(tmp_path / "missing.json", "myspace")


def test_check_file_reads_stdin(monkeypatch):
    """``-`` reads the content from stdin."""
    import io  # noqa: PLC0415

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(EXAMPLES["sms.quick-replies"][1])))
    problems, code = check_file("-", "sms")
    assert (ids(problems), code) == (["sms.quick-replies"], EXIT_PROBLEMS)


def test_problems_print_as_lines_or_json():
    """One line per problem (with the source page on request), or a JSON array."""
    problems = check_value(EXAMPLES["twitter.actions"][1], ["twitter"])
    text = format_problems(problems, sources=True)
    assert text.splitlines() == [
        "twitter: structuredContent.elements[1].click.actions[0]: error: X direct-message buttons "
        "only open a link (web_url) ('publishText' given; supported: link) [twitter.actions]",
        f"    source: {RULES['twitter.actions'].source}",
    ]
    assert json.loads(problems_json(problems))[0]["rule"] == "twitter.actions"


def test_send_checks_the_body_it_sends():
    """send --channel: an error raises ChannelError (exit 2, nothing sent); warnings return."""
    chips = Messages().text("hi").quick_replies("Pick", *["A long chip title here"] * 6)
    body = chips.build().model_dump(mode="json", by_alias=True, exclude_unset=True)
    warnings = check_before_send(body, ["facebook"])
    assert {w.rule for w in warnings} == {"facebook.chip.title"}
    with pytest.raises(ChannelError) as caught:
        check_before_send(body, ["facebook", "apple", "sms"])
    assert caught.value.rule == "apple.quick-replies.count"
    assert check_before_send({"messages": ["just text"]}, "sms") == []


# ---- the generated table -------------------------------------------------------------------
def test_docs_table_is_up_to_date():
    """docs/channels.md is what scripts/channels_table.py makes of the rule files."""
    committed = (oas.ROOT / "docs" / "channels.md").read_text(encoding="utf-8")
    assert committed == channels_table.render(), "run: .venv/bin/python scripts/channels_table.py"


def test_docs_table_names_every_rule_and_source():
    """Every rule id and its source page appear in the generated page."""
    page = channels_table.render()
    for rule in RULES.values():
        assert f"`{rule.id}`" in page
        assert rule.source in page
