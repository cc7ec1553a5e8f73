"""Every error reply has one shape: ``{"error": {"code", "message", "problems"}}``.

Handlers here turn :class:`ApiError`, FastAPI's own validation errors and Starlette's 404/405
into that shape, with messages in Chinese (the platform's language).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException


class Problem(BaseModel):
    field: str
    message: str


class ErrorDetail(BaseModel):
    code: str
    message: str
    problems: list[Problem] = []


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        problems: Sequence[Problem] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.problems = list(problems)
        self.headers = headers or {}


def unauthorized(message: str = "未登录或登录已过期，请重新登录") -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def forbidden(message: str = "当前账号的角色无权执行此操作") -> ApiError:
    return ApiError(403, "forbidden", message)


def not_found(message: str = "找不到该资源") -> ApiError:
    return ApiError(404, "not_found", message)


def conflict(message: str) -> ApiError:
    return ApiError(409, "conflict", message)


def invalid(problems: Sequence[Problem], message: str = "请求内容有误") -> ApiError:
    return ApiError(422, "invalid", message, problems)


_STATUS_CODES = {
    400: ("invalid", "请求格式有误"),
    401: ("unauthorized", "未登录或登录已过期，请重新登录"),
    403: ("forbidden", "当前账号的角色无权执行此操作"),
    404: ("not_found", "找不到该资源"),
    405: ("method_not_allowed", "不支持该请求方法"),
    413: ("too_large", "请求内容过大，平台不接收"),
}


_DESCRIPTIONS = {
    401: "no, unknown or expired token; wrong credentials",
    403: "the token's roles or department do not allow the call; a locked-out sign-in",
    404: "unknown case or blob",
    409: "conflict (see the message)",
    413: "a body over the route's limit; a blob over 64 MiB",
    422: "a bad request: `problems` lists every field and why",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for a route: each error status with the error body."""
    return {
        status: {"model": ErrorBody, "description": _DESCRIPTIONS[status]} for status in statuses
    }


def error_response(error: ApiError) -> JSONResponse:
    body = ErrorBody(
        error=ErrorDetail(code=error.code, message=error.message, problems=error.problems)
    )
    return JSONResponse(body.model_dump(), status_code=error.status, headers=error.headers)


def dotted(location: Sequence[int | str]) -> str:
    """``("body", "case", "materials", 0, "name")`` → ``case.materials[0].name``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


_PYDANTIC_MESSAGES = {
    "missing": "必填",
    "string_type": "应为字符串",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为true或false",
    "bool_parsing": "应为true或false",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "list_type": "应为数组",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "extra_forbidden": "不允许的字段",
    "datetime_from_date_parsing": "应为日期时间（ISO 8601）",
    "datetime_parsing": "应为日期时间（ISO 8601）",
    "datetime_type": "应为日期时间（ISO 8601）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "string_pattern_mismatch": "格式不正确",
    "string_too_short": "太短",
    "string_too_long": "太长",
    "greater_than_equal": "数值太小",
    "less_than_equal": "数值太大",
    "json_invalid": "不是有效的JSON",
    "uuid_parsing": "应为UUID",
    "uuid_type": "应为UUID",
}


def _chinese(error: Any) -> str:
    return _PYDANTIC_MESSAGES.get(str(error.get("type", "")), f"无效：{error.get('msg', '')}")


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    def _validation(_request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(invalid(_request_problems(error.errors())))

    @app.exception_handler(StarletteHTTPException)
    def _http(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        code, message = _STATUS_CODES.get(error.status_code, ("error", str(error.detail)))
        headers = dict(error.headers) if error.headers else None
        return error_response(ApiError(error.status_code, code, message, (), headers))

    app.add_exception_handler(Exception, _internal)


def _internal(_request: Request, _error: Exception) -> JSONResponse:
    return error_response(ApiError(500, "internal", "平台内部错误，请稍后重试"))


def _request_problems(errors: Sequence[Any]) -> list[Problem]:
    """Body errors named from inside the body (``case.applicant``), others by their place."""
    problems = []
    for error in errors:
        location = tuple(error.get("loc", ()))
        if location[:1] == ("body",):
            location = location[1:]
        problems.append(Problem(field=dotted(location) or "body", message=_chinese(error)))
    return problems
