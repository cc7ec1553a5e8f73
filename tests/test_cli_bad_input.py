"""Hostile command-line input: one line in Chinese saying what to fix, a non-zero exit, no
traceback, and the desk's data as it was (catalog, 失信名单, calendars, settings file).

Most runs go through the CLI's ``main`` in this process; those that could hang (a FIFO) or need
a process limit (a full disk) run the real ``clerk-desk`` in a child process.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_process import clerk_desk
from openpyxl import load_workbook
from PIL import Image

from clerk_desk import cli

ITEMS_SHEET_XML = "xl/worksheets/sheet2.xml"
LEGAL_DAYS = "法定办结时限(工作日)"
CREDIT_HEADER = "证件号码,名称,来源,列入日期\n"
CREDIT_ROW = "110101199003070011,张三,某某法院,2024-01-01\n"
A_CALENDAR = {"year": 2030, "source": "通知", "holidays": ["2030-01-01"], "workdays": []}


@pytest.fixture
def desk_dir(tmp_path: Path, demo_template: Path) -> Path:
    root = tmp_path / "desk"
    shutil.copytree(demo_template, root)
    return root


@pytest.fixture(scope="session")
def workbook(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo catalog as the administrator exports it."""
    folder = tmp_path_factory.mktemp("workbook")
    root = folder / "desk"
    shutil.copytree(demo_template, root)
    path = folder / "目录.xlsx"
    assert cli.main(["catalog", "export", str(path), "--demo", "--data-dir", str(root)]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as refused:  # argparse's own refusal of an argument
        code = int(refused.code or 0)
    captured = capsys.readouterr()
    return code, captured.err


def snapshot(capsys: pytest.CaptureFixture[str], root: Path) -> tuple[str, ...]:
    capsys.readouterr()
    shown = []
    for argv in (["catalog", "list", "--json"], ["credit", "list", "--json"], ["account", "list"]):
        assert cli.main([*argv, "--demo", "--data-dir", str(root)]) == 0
        shown.append(capsys.readouterr().out)
    calendars = root / "calendars"
    files = sorted(p.name for p in calendars.iterdir()) if calendars.is_dir() else []
    return (*shown, repr(files), (root / "config.json").read_text(encoding="utf-8"))


# Each case: the file it needs (written into tmp_path), the arguments, what the message says.
Case = tuple[Callable[[Path, Path], Path | None], list[str], str]


def cell(workbook: Path, header: str, value: object) -> Callable[[Path, Path], Path]:
    def make(folder: Path, _: Path) -> Path:
        book = load_workbook(workbook)
        sheet = book["事项"]
        headers = [c.value for c in sheet[1]]
        sheet.cell(2, headers.index(header) + 1).value = value
        path = folder / "bad.xlsx"
        book.save(path)
        return path

    return make


def raw_number(workbook: Path) -> Callable[[Path, Path], Path]:
    """A number cell of 5,000 digits, written into the sheet's XML (no program does that)."""

    def make(folder: Path, _: Path) -> Path:
        path = folder / "digits.xlsx"
        with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename == ITEMS_SHEET_XML:
                    text = data.decode()
                    text = re.sub(r'(<c r="F2"[^>]*><v>)[^<]*', r"\g<1>" + "9" * 5000, text)
                    data = text.encode()
                target.writestr(info, data)
        return path

    return make


def text_file(name: str, content: str) -> Callable[[Path, Path], Path]:
    def make(folder: Path, _: Path) -> Path:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return path

    return make


def listed_then(content: str) -> Callable[[Path, Path], Path]:
    """A list of one party imported first, then ``content`` offered in its place."""

    def make(folder: Path, root: Path) -> Path:
        first = folder / "名单.csv"
        first.write_text(CREDIT_HEADER + CREDIT_ROW, encoding="utf-8")
        assert cli.main(["credit", "import", str(first), "--demo", "--data-dir", str(root)]) == 0
        return text_file("新名单.csv", content)(folder, root)

    return make


def tiny_picture(folder: Path, _: Path) -> Path:
    path = folder / "小图.png"
    Image.new("L", (10, 10), 255).save(path)
    return path


def nothing(folder: Path, root: Path) -> None:
    return None


def cases(workbook: Path) -> dict[str, Case]:
    deep = "[" * 100_000 + "]" * 100_000
    return {
        "catalog days 10**30 as text": (
            cell(workbook, LEGAL_DAYS, "1" + "0" * 30),
            ["catalog", "import", "{file}"],
            "该数字有 31 位，远超上限",
        ),
        "catalog days 5000": (
            cell(workbook, LEGAL_DAYS, 5000),
            ["catalog", "import", "{file}"],
            "须为 0 到 1000 之间的整数",
        ),
        "catalog days 1e300": (
            cell(workbook, LEGAL_DAYS, 1e300),
            ["catalog", "import", "{file}"],
            "该数字有 301 位，远超上限",
        ),
        "catalog days of 5000 digits": (
            raw_number(workbook),
            ["catalog", "import", "{file}"],
            "长达数千位的数字",
        ),
        "catalog name of 10001 characters": (
            cell(workbook, "事项名称", "名" * 10_001),
            ["catalog", "import", "{file}"],
            "长 10001 个字符，最多允许 10000 个字符",
        ),
        "catalog formula without a result": (
            cell(workbook, "事项名称", '=A2&"许可"'),
            ["catalog", "import", "{file}"],
            '此单元格是公式（=A2&"许可"）',
        ),
        "calendar year 10**20": (
            text_file("2030.json", json.dumps({**A_CALENDAR, "year": 10**20})),
            ["calendar", "import", "{file}"],
            "year 须为 2000 到 2099 之间的整数",
        ),
        "calendar nested 100000 deep": (
            text_file("deep.json", deep),
            ["calendar", "import", "{file}"],
            "嵌套层数过多或数字过长",
        ),
        "calendar year of 5000 digits": (
            text_file("long.json", '{"year": ' + "9" * 5000 + "}"),
            ["calendar", "import", "{file}"],
            "嵌套层数过多或数字过长",
        ),
        "credit field of 200 KB": (
            listed_then(
                CREDIT_HEADER + '110101199003070011,"' + "名" * 200_000 + '",法院,2024-01-01\n'
            ),
            ["credit", "import", "{file}"],
            "第 2 行无法读取",
        ),
        "credit header only": (
            listed_then(CREDIT_HEADER),
            ["credit", "import", "{file}"],
            "导入将清空名单中现有的 1 个主体；名单未改变。如确需清空名单，请加上 --allow-empty",
        ),
        "deadline from 9999-12-30": (
            nothing,
            ["deadline", "--from", "9999-12-30", "--days", "5"],
            "期限将晚于 9999-12-31，超出日历范围",
        ),
        "deadline pause to 9999-12-31": (
            nothing,
            ["deadline", "--from", "2026-03-02", "--days", "5", "--pause", "2026-03-03/9999-12-31"],
            "超出日历范围",
        ),
        "deadline days of 5000 digits": (
            nothing,
            ["deadline", "--from", "2026-03-02", "--days", "9" * 5000],
            "承诺时限须为 0 到 1000 之间的整数个工作日",
        ),
        "scan resolution 20000": (
            nothing,
            ["scan", "--device", "test:0", "--out", "{folder}/扫描.pdf", "--resolution", "20000"],
            "--resolution 须在 50 到 2400 dpi 之间",
        ),
        "account with a 65-character user name": (
            nothing,
            ["account", "add", "u" * 65, "--name", "张三", "--role", "admin", "--password-stdin"],
            "用户名最多 64 个字符",
        ),
        "account with a 201-character name": (
            nothing,
            [
                "account",
                "add",
                "zhangsan",
                "--name",
                "张" * 201,
                "--role",
                "admin",
                "--password-stdin",
            ],
            "姓名最多 200 个字符",
        ),
        "sandbox port 99999999": (
            nothing,
            ["sandbox", "serve", "--port", "99999999", "--db", "sqlite:///{folder}/p.sqlite"],
            "端口须为 0 到 65535 之间的整数，而不是 99999999",
        ),
        "scan of a 10-pixel picture at 2400 dpi": (
            tiny_picture,
            [
                "scan",
                "--device",
                "file:{file}",
                "--out",
                "{folder}/扫描.pdf",
                "--resolution",
                "2400",
            ],
            "在此分辨率下页面小于 PDF 允许的最小尺寸",
        ),
        "scan pages 10**30": (
            nothing,
            ["scan", "--device", "test:0", "--out", "{folder}/扫描.pdf", "--pages", "1" + "0" * 30],
            "--pages 须在 1 到 500 之间",
        ),
    }


CASE_NAMES = list(cases(Path("unused")))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_arguments_are_refused_in_one_line_and_change_nothing(
    name: str,
    workbook: Path,
    desk_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, argv, message = cases(workbook)[name]
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-good-password-2026\n"))
    made = make(tmp_path, desk_dir)
    before = snapshot(capsys, desk_dir)
    filled = [part.format(file=made, folder=tmp_path) if "{" in part else part for part in argv]
    code, err = run(capsys, *filled, "--demo", "--data-dir", str(desk_dir))
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert snapshot(capsys, desk_dir) == before
    assert not (tmp_path / "扫描.pdf").exists()


def test_an_empty_list_is_loaded_when_the_operator_says_so(
    desk_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = listed_then(CREDIT_HEADER)(tmp_path, desk_dir)
    data = ["--demo", "--data-dir", str(desk_dir)]
    code, _ = run(capsys, "credit", "import", str(empty), "--allow-empty", *data)
    assert code == 0
    assert cli.main(["credit", "list", "--json", *data]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    "version",
    ['"x"', "0", "-1", "null", "2.5", "1e9", "true", "[1]"],
)
def test_a_settings_version_that_is_not_a_positive_integer_is_named(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.json"
    text = f'{{"settings_version": {version}, "mode": "production"}}'
    config.write_text(text, encoding="utf-8")
    code, err = run(capsys, "catalog", "list", "--data-dir", str(tmp_path))
    assert code == 2
    assert "settings_version 须为正整数" in err
    assert config.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"settings_version": 2, "window_number": ' + "9" * 5000 + "}",
    ],
    ids=["nested list", "nested object", "5000 digits"],
)
def test_a_config_json_nested_deep_or_with_a_huge_number_is_named(
    content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config.json").write_text(content, encoding="utf-8")
    code, err = run(capsys, "account", "list", "--data-dir", str(tmp_path))
    assert code == 2
    assert "无法读取设置文件" in err and "嵌套层数过多或数字过长" in err


def test_an_old_lock_setting_that_is_not_a_number_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.json"
    config.write_text('{"settings_version": 1, "lock_after_seconds": "x"}', encoding="utf-8")
    code, err = run(capsys, "catalog", "list", "--data-dir", str(tmp_path))
    assert code == 2
    assert "lock_after_seconds" in err


def unusable_folders(tmp_path: Path) -> list[Path]:
    regular = tmp_path / "普通文件"
    regular.write_text("x", encoding="utf-8")
    found = [regular / "data"]
    if os.geteuid() != 0:
        locked = tmp_path / "只读"
        locked.mkdir(mode=0o555)
        found.append(locked / "data")
    if Path("/sys").is_dir():
        found.append(Path("/sys/clerk-desk-test"))  # sysfs: read-only for every user
    return found


@pytest.mark.parametrize(
    "argv",
    [["catalog", "list"], ["credit", "list"], ["account", "list"], ["demo-data", "--cases", "1"]],
)
def test_a_data_folder_that_cannot_be_created_is_named(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in unusable_folders(tmp_path):
        code, err = run(capsys, *argv, "--demo", "--data-dir", str(folder))
        assert code == 2, folder
        assert "无法创建数据目录" in err and "--data-dir" in err
        assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("名单.csv", ["credit", "import", "{fifo}"]),
        ("2030.json", ["calendar", "import", "{fifo}"]),
        ("目录.xlsx", ["catalog", "import", "{fifo}"]),
        ("扫描件.pdf", ["scan", "--device", "file:{fifo}", "--out", "{folder}/out.pdf"]),
    ],
)
def test_a_fifo_given_as_a_file_is_refused_at_once(
    name: str, argv: list[str], desk_dir: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    filled = [part.format(fifo=fifo, folder=tmp_path) for part in argv]
    result = clerk_desk(*filled, "--demo", "--data-dir", str(desk_dir))
    assert result.returncode == 2
    assert f"{fifo} 不是普通文件（而是文件夹、管道或设备）；请选择文件本身" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_full_disk_during_demo_data_is_one_line(tmp_path: Path) -> None:
    """The process may write files of 400 KB at most: the database soon stops growing."""
    result = clerk_desk(
        "demo-data",
        "--cases",
        "300",
        "--demo",
        "--data-dir",
        str(tmp_path / "d"),
        limit_bytes=400_000,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    # The limit makes writes fail with EFBIG, which SQLite reports as an I/O error.
    assert last.startswith(f"错误：存放本机数据的磁盘（{tmp_path / 'd'}）读写出错")


def test_a_data_folder_with_a_percent_sign_in_its_name_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, "account", "list", "--data-dir", str(tmp_path / "100%完成"))
    assert (code, err) == (0, "")
