"""The platform's own side of 好差评, through ``python -m platform_sandbox``: the rating code
order it is configured with (a real ``serve --rating-code-order reversed`` process), the
reasons lists it publishes, the rater's 追评 and the default ratings of contacts left unrated;
each reaches the desks through the ratings feed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from platform_fixtures import SandboxProcess, start_sandbox
from rating_bodies import (
    MORNING,
    error,
    feed,
    fields,
    post_step,
    pushed,
    put_case,
    put_contact,
    put_rating,
    sandbox_command,
    serve,
    step,
)
from sandbox_client import sign_in

from clerk_desk.desk import Desk
from clerk_desk.domain.ratings import DEFAULT_REASONS, CodeOrder, RatingLevel, Reason
from platform_sandbox import rating_store
from platform_sandbox.errors import ApiError
from platform_sandbox.migrate import upgrade_to_head
from platform_sandbox.platform import Platform
from platform_sandbox.rating_commands import publish_reasons

REVERSED = ("--rating-code-order", "reversed")


def _ratings(sandbox: SandboxProcess) -> list[dict[str, object]]:
    changes = feed(sign_in(sandbox.url, "supervisor"))["changes"]
    return [change["rating"] for change in changes if change["kind"] == "rating"]


def test_a_platform_numbering_the_levels_the_other_way_round(
    tmp_path: Path, demo_desk: Desk
) -> None:
    sandbox = start_sandbox(tmp_path, extra_args=REVERSED)
    try:
        reasons = sign_in(sandbox.url, "clerk").get("/rating-reasons").json()
        assert (reasons["version"], reasons["code_order"]) == (1, "reversed")
        named = DEFAULT_REASONS.to_dict()["reasons"]
        assert reasons["reasons"]["5"] == named["非常满意"]
        assert reasons["reasons"]["1"] == named["非常不满意"]

        best = serve(demo_desk, 71, RatingLevel.VERY_SATISFIED, ["G01"])
        clerk = put_case(sandbox.url, best)
        assert put_contact(clerk, best.contact).status_code == 201
        national = best.rating_body("national")  # 1 = 非常不满意 here: G01 is not its reason
        assert fields(put_rating(clerk, national)) == {"rating.reasons[0].code"}
        reply = put_rating(clerk, best.rating_body("reversed"))
        assert reply.status_code == 201 and reply.json()["rating"]["level_code"] == 5

        worst = serve(demo_desk, 72, RatingLevel.VERY_DISSATISFIED, ["P02"])
        pushed(sandbox.url, worst, "reversed")
        rating_uuid = worst.rating_body()["rating"]["uuid"]
        verify = step(rating_uuid, "verify", "reviewer", {"finding": "true"})
        assert post_step(sign_in(sandbox.url, "reviewer"), verify).status_code == 201
        good_uuid = best.rating_body()["rating"]["uuid"]
        not_poor = step(good_uuid, "verify", "reviewer", {"finding": "true"})
        assert error(post_step(sign_in(sandbox.url, "reviewer"), not_poor), 409)
        assert [r["level_code"] for r in _ratings(sandbox)] == [5, 1]
    finally:
        sandbox.stop()

    # The same database served in GB/T 39046's order: each rating keeps its level.
    national_platform = start_sandbox(tmp_path)
    try:
        assert [r["level_code"] for r in _ratings(national_platform)] == [1, 5]
        reasons = sign_in(national_platform.url, "clerk").get("/rating-reasons").json()
        assert reasons["code_order"] == "national"
        assert reasons["reasons"]["1"] == DEFAULT_REASONS.to_dict()["reasons"]["非常满意"]
    finally:
        national_platform.stop()


def test_an_unknown_code_order_is_refused_on_the_command_line(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "platform_sandbox", "serve", "--db"]
    command += [f"sqlite:///{tmp_path / 'p.sqlite'}", "--rating-code-order", "sideways"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "sideways" in done.stderr


def test_a_new_reasons_list_is_published_as_the_next_version(
    sandbox_server: SandboxProcess, demo_desk: Desk, tmp_path: Path
) -> None:
    missing = sandbox_command(sandbox_server, "publish-reasons", "--file", str(tmp_path / "no"))
    assert missing.returncode == 1 and "找不到文件" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    reply = sandbox_command(sandbox_server, "publish-reasons", "--file", str(broken))
    assert reply.returncode == 1 and "不是有效的 JSON" in reply.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"6": [], "1": [{"code": "", "text": "x"}]}), encoding="utf-8")
    reply = sandbox_command(sandbox_server, "publish-reasons", "--file", str(wrong))
    assert reply.returncode == 1
    assert "6：评价代码应为" in reply.stderr and "1[0].code" in reply.stderr

    listed = DEFAULT_REASONS.to_dict()["reasons"]
    good = {
        "1": [*listed["非常满意"], {"code": "G09", "text": "大厅环境整洁"}],
        "5": listed["非常不满意"],
    }
    published = tmp_path / "reasons.json"
    published.write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    reply = sandbox_command(sandbox_server, "publish-reasons", "--file", str(published))
    assert reply.returncode == 0, reply.stderr
    assert "第 2 版" in reply.stdout

    clerk = sign_in(sandbox_server.url, "clerk")
    newest = clerk.get("/rating-reasons").json()
    assert newest["version"] == 2 and newest["reasons"]["1"][-1]["code"] == "G09"
    assert newest["reasons"]["3"] == []
    assert clerk.get("/rating-reasons/1").json()["reasons"]["1"] == listed["非常满意"]

    # A rating made with the older list (the desk had not pulled the new one) still stands;
    # the new version's reasons are taken too.
    older = serve(demo_desk, 73, RatingLevel.VERY_SATISFIED, ["G01"])
    pushed(sandbox_server.url, older)
    newer = serve(demo_desk, 74, RatingLevel.VERY_SATISFIED, [])
    body = newer.rating_body()
    body["rating"].update(reasons_version=2, reasons=[{"code": "G09", "text": "大厅环境整洁"}])
    clerk = put_case(sandbox_server.url, newer)
    assert put_contact(clerk, newer.contact).status_code == 201
    assert put_rating(clerk, body).status_code == 201
    assert [r["reasons_version"] for r in _ratings(sandbox_server)] == [1, 2]


def test_the_raters_further_comment_joins_the_follow_up(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    good = serve(demo_desk, 75, RatingLevel.SATISFIED, ["G01"])
    poor = serve(demo_desk, 76, RatingLevel.DISSATISFIED, ["P05"])
    pushed(sandbox_server.url, good)
    pushed(sandbox_server.url, poor)
    poor_uuid = poor.rating_body()["rating"]["uuid"]
    good_uuid = good.rating_body()["rating"]["uuid"]

    unknown = sandbox_command(
        sandbox_server, "append-rating", "--rating", "nope", "--text", "还没办好"
    )
    assert unknown.returncode == 1 and "找不到评价" in unknown.stderr
    not_poor = sandbox_command(
        sandbox_server, "append-rating", "--rating", good_uuid, "--text", "很好"
    )
    assert not_poor.returncode == 1 and "不是差评" in not_poor.stderr
    empty = sandbox_command(sandbox_server, "append-rating", "--rating", poor_uuid, "--text", " ")
    assert empty.returncode == 1 and "text" in empty.stderr
    done = sandbox_command(
        sandbox_server, "append-rating", "--rating", poor_uuid, "--text", "三天了还没回复"
    )
    assert done.returncode == 0, done.stderr

    changes = feed(sign_in(sandbox_server.url, "reviewer"))["changes"]
    appended = changes[-1]
    assert appended["kind"] == "step"
    assert {key: appended["step"][key] for key in ("rating_uuid", "kind", "by", "payload")} == {
        "rating_uuid": poor_uuid,
        "kind": "append",
        "by": "rater",
        "payload": {"text": "三天了还没回复"},
    }
    # The follow-up goes on after it.
    verify = step(poor_uuid, "verify", "reviewer", {"finding": "reasonable"})
    assert post_step(sign_in(sandbox_server.url, "reviewer"), verify).status_code == 201


def test_contacts_left_unrated_get_a_default_rating_after_n_days(
    sandbox_server: SandboxProcess, demo_desk: Desk
) -> None:
    rated = serve(demo_desk, 77, RatingLevel.SATISFIED, ["G02"])
    unrated = serve(demo_desk, 78, at=MORNING + timedelta(days=1))
    pushed(sandbox_server.url, rated)
    clerk = pushed(sandbox_server.url, unrated)

    for days, now in (("x", "2026-11-09T09:00:00"), ("7", "yesterday")):
        bad = sandbox_command(sandbox_server, "apply-default-ratings", "--days", days, "--now", now)
        assert bad.returncode == 2 and ("天数" in bad.stderr or "时间" in bad.stderr)
    early = (MORNING + timedelta(days=7, hours=1)).isoformat()
    none = sandbox_command(sandbox_server, "apply-default-ratings", "--days", "7", "--now", early)
    assert none.returncode == 0 and "已为 0 条" in none.stdout, none.stderr
    later = (MORNING + timedelta(days=9)).isoformat()
    made = sandbox_command(sandbox_server, "apply-default-ratings", "--days", "7", "--now", later)
    assert made.returncode == 0 and "已为 1 条" in made.stdout, made.stderr
    again = sandbox_command(sandbox_server, "apply-default-ratings", "--days", "7", "--now", later)
    assert "已为 0 条" in again.stdout

    fed = _ratings(sandbox_server)
    assert [(r["origin"], r["level_code"]) for r in fed] == [("active", 2), ("default", 3)]
    default = fed[1]
    assert default["contact_uuid"] == unrated.contact_uuid
    assert (default["reasons"], default["rated_at"]) == ([], later)
    assert default["staff"] == "clerk" and default["seq"] == 1
    # The desk can no longer rate that contact: one rating per contact.
    late = serve(demo_desk, 79, RatingLevel.SATISFIED, [])
    body = late.rating_body()
    body["rating"]["contact_uuid"] = unrated.contact_uuid
    assert error(put_rating(clerk, body), 409)


def test_a_platform_made_in_process_reads_published_codes_in_its_order(tmp_path: Path) -> None:
    platform = Platform.open(f"sqlite:///{tmp_path / 'p.sqlite'}", rating_code_order="reversed")
    try:
        assert platform.rating_code_order is CodeOrder.REVERSED
        upgrade_to_head(platform.database)
        best, worst = {"code": "G01", "text": "办事效率高"}, {"code": "P01", "text": "等候时间过长"}
        at = datetime(2026, 12, 7, 9, 0)
        assert publish_reasons(platform, {"5": [best], "1": [worst]}, at) == 2
        with platform.database.read() as session:
            first, published = (
                rating_store.reason_list(session, 1),
                rating_store.reason_list(session),
            )
        assert first is not None and first.reasons == DEFAULT_REASONS.reasons
        assert published is not None
        assert published.for_level(RatingLevel.VERY_SATISFIED) == (Reason("G01", "办事效率高"),)
        assert published.for_level(RatingLevel.VERY_DISSATISFIED) == (
            Reason("P01", "等候时间过长"),
        )
        assert rating_store.by_code(published, CodeOrder.NATIONAL)["1"] == [best]
        # A whole GET reply says its own code order.
        reply = {"version": 1, "code_order": "national", "reasons": {"1": [best]}}
        assert publish_reasons(platform, reply, at) == 3
        with platform.database.read() as session:
            third = rating_store.reason_list(session)
        assert third is not None and third.for_level(RatingLevel.VERY_SATISFIED)[0].code == "G01"
        with pytest.raises(ApiError):
            publish_reasons(platform, {**reply, "code_order": "sideways"}, at)
        assert (
            Platform(platform.database, tmp_path, "reversed").rating_code_order
            is CodeOrder.REVERSED
        )  # type: ignore[arg-type]
    finally:
        platform.close()
