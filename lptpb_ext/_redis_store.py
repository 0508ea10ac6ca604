"""A session store in Redis: :class:`RedisSessionStore`, for processes on many hosts.

Needs the ``redis`` extra (``pip install 'lptpb[redis]'``, redis-py 5.0.1 or later) and a Redis
server 5 or later (scripts replicate their effects, so they may read the server's clock).

What is stored
    Per session key, three Redis keys under ``prefix`` (default ``lptpb:session:``). The session
    key itself is not written: it is hashed (``h`` = the first 32 hex digits of its SHA-256),
    and the braces make the three keys one Redis Cluster hash slot::

        lptpb:session:{h}:record     hash: bearer, fence, stored_at (server time), issued (the
                                     last fence handed out); expires ``ttl`` seconds (a day by
                                     default) after the last login or lock taken
        lptpb:session:{h}:lock       string: the fence holding the login lock; expires with the
                                     lease (``PX``), so a holder that died frees it by itself
        lptpb:session:{h}:relogins   sorted set: fence -> server time of each re-login; entries
                                     older than ``relogin_retention`` (an hour) are trimmed at
                                     each re-login and the set expires that long after the last

    The fence counter lives in the record, so both expire together; a fence larger than the
    counter (from before the record expired, or before a flush) is never stored.

How it is kept consistent
    Every method is one round trip and atomic: ``read`` is one ``HMGET``; the others are Lua
    scripts (``register_script``: ``EVALSHA``, loaded once per server). ``acquire`` takes the
    lock only when absent (``HINCRBY`` the counter, ``SET ... PX lease``); ``publish`` stores the
    bearer only if its fence is larger than the record's and no newer lock holder exists, frees
    the lock if the fence holds it, and logs the re-login; ``release`` frees the lock only for
    its holder; ``relogins`` counts the log over the window (``ZCOUNT``: a short window asked by
    one client does not erase what a longer one still counts). Timestamps come from the
    server's ``TIME`` inside the scripts, so the hosts' clocks do not matter.

Failures
    Sockets time out after ``timeout`` seconds (2 by default), so a slow or unreachable Redis
    cannot stall a login for long, and redis-py's automatic retries are off for the clients
    this store makes: a script re-sent after a timeout may already have run (an ``acquire``
    would then find its own lock and wait out the lease). Any Redis error (connection refused,
    timeout, authentication, a read-only replica) raises :class:`~lptpb_ext.SessionStoreError`
    naming the URL with its password masked (``redis://user:***@host:6379/0``).

Security
    The bearer at rest is a secret: anyone who can read these keys can act as the bot's user
    until the bearer expires. Use TLS (``rediss://``) whenever Redis is not on the same host,
    and a Redis user limited by ACL to the prefix and to the commands the store uses (scripts
    are checked command by command)::

        ACL SETUSER lptpb on >PASSWORD resetkeys ~lptpb:session:* resetchannels -@all
            +evalsha +script|load +hmget +time +exists +hincrby +set +get +del +hset
            +pexpire +zadd +zremrangebyscore +zcount

    Credentials are never stored. The store's ``repr`` and errors never show a bearer or the
    URL's password; redis-py does not log commands.

Async
    From a URL the store makes one ``redis.asyncio`` client per event loop (an asyncio client's
    connections belong to the loop that opened them); under another async library (trio) the
    async methods run the sync client in a worker thread. A ready ``redis.Redis`` given instead
    of a URL serves the async methods the same way, through a worker thread; a ready
    ``redis.asyncio.Redis`` serves only the async methods. Clients given keep their own
    timeouts and retries, and are never closed by the store; those it made are closed by
    :meth:`RedisSessionStore.close` and, for the running loop, :meth:`RedisSessionStore.aclose`
    (call it before the loop ends: the connections belong to that loop).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

import anyio.to_thread

from lptpb_ext._errors import ConfigurationError, SessionStoreError, redact
from lptpb_ext._stores import StoredSession

if TYPE_CHECKING:
    import redis
    import redis.asyncio
    from redis.commands.core import AsyncScript, Script

__all__ = ["RedisSessionStore", "mask_url"]

DEFAULT_PREFIX = "lptpb:session:"
DEFAULT_TTL = 86_400.0  # the record (bearer and fence counter) outlives its last write by a day
DEFAULT_RELOGIN_RETENTION = 3_600.0  # re-login times are kept an hour (windows are ~60 s)
DEFAULT_TIMEOUT = 2.0  # connect and socket timeout, seconds
_T = TypeVar("_T")

# KEYS: record, lock. ARGV: lease (ms), record ttl (ms). Returns the new fence, or nil.
_ACQUIRE = """
if redis.call('EXISTS', KEYS[2]) == 1 then
  return false
end
local fence = redis.call('HINCRBY', KEYS[1], 'issued', 1)
redis.call('SET', KEYS[2], string.format('%d', fence), 'PX', ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[1]), tonumber(ARGV[2])))
return fence
"""

# KEYS: record, lock, relogins. ARGV: fence, bearer, relogin (1/0), record ttl (ms),
# relogin retention (s). Returns 1 when the bearer was stored, else 0.
_PUBLISH = """
local fence = tonumber(ARGV[1])
local holder = tonumber(redis.call('GET', KEYS[2]) or '0')
local state = redis.call('HMGET', KEYS[1], 'fence', 'issued')
local current = tonumber(state[1] or '0')
local issued = tonumber(state[2] or '0')
local stored = fence > current and fence <= issued and holder <= fence
if stored then
  local t = redis.call('TIME')
  local now = t[1] .. '.' .. string.format('%06d', tonumber(t[2]))
  redis.call('HSET', KEYS[1], 'bearer', ARGV[2], 'fence', ARGV[1], 'stored_at', now)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  if ARGV[3] == '1' then
    local horizon = tonumber(now) - tonumber(ARGV[5])
    redis.call('ZADD', KEYS[3], now, ARGV[1])
    redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. string.format('%.6f', horizon))
    redis.call('PEXPIRE', KEYS[3], math.floor(tonumber(ARGV[5]) * 1000))
  end
end
if holder == fence then
  redis.call('DEL', KEYS[2])
end
if stored then
  return 1
end
return 0
"""

# KEYS: lock. ARGV: fence.
_RELEASE = """
if tonumber(redis.call('GET', KEYS[1]) or '0') == tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
end
return 0
"""

# KEYS: relogins. ARGV: window (s). Returns how many re-logins the window holds.
_RELOGINS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
return redis.call('ZCOUNT', KEYS[1], string.format('%.6f', now - tonumber(ARGV[1])), '+inf')
"""

_SCRIPTS = {"acquire": _ACQUIRE, "publish": _PUBLISH, "release": _RELEASE, "relogins": _RELOGINS}

_USERINFO = re.compile(r"(//[^/@:]*:)[^@/]*@")
_QUERY_PASSWORD = re.compile(r"((?:^|[?&;])password=)[^&;#]*", re.IGNORECASE)


def mask_url(url: str) -> str:
    """``url`` with any password masked: ``redis://user:***@host``, ``...?password=***``."""
    try:
        netloc = urlsplit(url).netloc
    except ValueError:  # unparsable: mask whatever looks like a password
        masked = _USERINFO.sub(r"\1***@", url)
    else:
        masked = url
        userinfo, at, hostport = netloc.rpartition("@")
        user, colon, _password = userinfo.partition(":")
        if at and colon:
            masked = url.replace(netloc, f"{user}:***@{hostport}", 1)
    head, question, query = masked.partition("?")
    return head + question + _QUERY_PASSWORD.sub(r"\1***", query)


def _import_redis() -> Any:  # noqa: ANN401 - the module, imported lazily
    try:
        import redis  # noqa: PLC0415 - optional dependency, and slow to import
    except ImportError:
        raise ConfigurationError(
            "RedisSessionStore needs redis-py: pip install 'lptpb[redis]'"
        ) from None
    return redis


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode()
    return str(value)


class _AsyncSide:
    """A redis.asyncio client and its scripts."""

    def __init__(self, client: redis.asyncio.Redis, owned: bool) -> None:
        self.client = client
        self.owned = owned
        self.scripts: dict[str, AsyncScript] = {
            name: client.register_script(source) for name, source in _SCRIPTS.items()
        }


class RedisSessionStore:
    """A :class:`~lptpb_ext.SessionStore` in Redis, shared by processes on any number of hosts.

    ``url``: ``redis://[[user]:password@]host[:port][/db]``, ``rediss://...`` (TLS) or
    ``unix:///path/to/socket[?db=0&password=...]``, or a ready ``redis.Redis`` or
    ``redis.asyncio.Redis`` client. ``prefix``: the start of every key. ``ttl``: seconds a
    record outlives its last write. ``relogin_retention``: how long re-login times are kept
    (make it at least the longest ``window`` asked of :meth:`relogins`). ``timeout``: connect and
    socket timeout of the clients the store makes from a URL.
    """

    def __init__(
        self,
        url: str | redis.Redis | redis.asyncio.Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        ttl: float = DEFAULT_TTL,
        relogin_retention: float = DEFAULT_RELOGIN_RETENTION,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        module = _import_redis()
        self.prefix = prefix
        self._ttl_ms = max(1, round(ttl * 1000))
        self._retention = relogin_retention
        self._timeout = timeout
        self._url: str | None = None
        self._secrets: tuple[str, ...] = ()  # the password, as written and as decoded
        self._redis_error: type[Exception] = module.RedisError
        self._sync: redis.Redis | None = None
        self._given_async: _AsyncSide | None = None
        self._loop_sides: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _AsyncSide]
        self._loop_sides = weakref.WeakKeyDictionary()
        if isinstance(url, str):
            self.name = mask_url(url)
            self._url = url
            try:
                decoded = module.connection.parse_url(url).get("password")
                self._secrets = tuple(p for p in (urlsplit(url).password, decoded) if p)
                self._sync = module.Redis.from_url(url, **self._client_options(module.retry))
            except (ValueError, TypeError) as exc:
                reason = redact(str(exc), secrets=(url, *self._secrets))
                raise ConfigurationError(f"session store {self.name!r}: {reason}") from None
        elif isinstance(url, module.Redis):
            self._sync = url
        else:
            import redis.asyncio  # noqa: PLC0415 - slow to import; only when such a client is given

            if not isinstance(url, redis.asyncio.Redis):
                raise ConfigurationError(
                    "RedisSessionStore needs a redis:// URL, a redis.Redis or a "
                    f"redis.asyncio.Redis, not {type(url).__name__}"
                )
            self._given_async = _AsyncSide(url, owned=False)
        if not isinstance(url, str):
            kwargs = url.connection_pool.connection_kwargs
            self._secrets = (kwargs["password"],) if kwargs.get("password") else ()
            self.name = _describe(kwargs)
        self._scripts: dict[str, Script] = {}
        if self._sync is not None:
            self._scripts = {
                name: self._sync.register_script(source) for name, source in _SCRIPTS.items()
            }

    def __repr__(self) -> str:
        return f"RedisSessionStore({self.name!r}, prefix={self.prefix!r})"

    def _client_options(self, retry_module: Any) -> dict[str, Any]:  # noqa: ANN401
        from redis.backoff import NoBackoff  # noqa: PLC0415

        return {
            "socket_timeout": self._timeout,
            "socket_connect_timeout": self._timeout,
            "retry": retry_module.Retry(NoBackoff(), 0),
        }

    def redis_keys(self, key: str) -> tuple[str, str, str]:
        """The Redis keys of session ``key``: record, lock and re-login log."""
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        base = f"{self.prefix}{{{digest}}}"
        return f"{base}:record", f"{base}:lock", f"{base}:relogins"

    # ------------------------------------------------------------------ errors

    def _failure(self, exc: Exception) -> SessionStoreError:
        reason = redact(str(exc), secrets=self._secrets) or "no detail"
        return SessionStoreError(self.name, f"{type(exc).__name__}: {reason}")

    def _run(self, call: Callable[[], _T]) -> _T:
        try:
            return call()
        except self._redis_error as exc:
            raise self._failure(exc) from None

    def _client(self) -> redis.Redis:
        if self._sync is None:
            raise SessionStoreError(
                self.name,
                "was given only a redis.asyncio client, so its sync methods cannot be used; "
                "give it a URL or a redis.Redis",
            )
        return self._sync

    def _script(self, name: str) -> Script:
        self._client()  # only a redis.asyncio client: say so
        return self._scripts[name]

    # ------------------------------------------------------------------ sync protocol

    def read(self, key: str) -> StoredSession | None:
        record = self.redis_keys(key)[0]
        values = self._run(lambda: self._client().hmget(record, ["bearer", "fence", "stored_at"]))
        return _session(values)

    def acquire(self, key: str, lease: float) -> int | None:
        record, lock, _ = self.redis_keys(key)
        args = [_ms(lease), self._ttl_ms]
        found = self._run(lambda: self._script("acquire")(keys=[record, lock], args=args))
        return None if found is None else int(found)

    def publish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        keys = list(self.redis_keys(key))
        args = self._publish_args(fence, bearer, relogin)
        return bool(self._run(lambda: self._script("publish")(keys=keys, args=args)))

    def release(self, key: str, fence: int) -> None:
        lock = self.redis_keys(key)[1]
        self._run(lambda: self._script("release")(keys=[lock], args=[fence]))

    def relogins(self, key: str, window: float) -> int:
        log = self.redis_keys(key)[2]
        return int(self._run(lambda: self._script("relogins")(keys=[log], args=[repr(window)])))

    def _publish_args(self, fence: int, bearer: str, relogin: bool) -> list[str | int]:
        return [fence, bearer, 1 if relogin else 0, self._ttl_ms, repr(self._retention)]

    def close(self) -> None:
        """Close the sync client this store made from its URL (a given client stays open)."""
        if self._url is not None and self._sync is not None:
            self._sync.close()

    # ------------------------------------------------------------------ async protocol

    def _async_side(self) -> _AsyncSide | None:
        """The asyncio client for the running loop, or None to use the sync one in a thread."""
        if self._given_async is not None:
            return self._given_async
        if self._url is None:
            return None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (trio): the sync client, in a worker thread
            return None
        side = self._loop_sides.get(loop)
        if side is None:
            import redis.asyncio  # noqa: PLC0415 - slow to import; only when used
            import redis.asyncio.retry  # noqa: PLC0415

            client = redis.asyncio.Redis.from_url(
                self._url, **self._client_options(redis.asyncio.retry)
            )
            side = self._loop_sides[loop] = _AsyncSide(client, owned=True)
        return side

    async def _arun(self, call: Callable[[], Any]) -> Any:  # noqa: ANN401
        try:
            return await call()
        except self._redis_error as exc:
            raise self._failure(exc) from None

    async def _in_thread(self, call: Callable[[], _T]) -> _T:
        return await anyio.to_thread.run_sync(call)

    async def aread(self, key: str) -> StoredSession | None:
        side = self._async_side()
        if side is None:
            return await self._in_thread(lambda: self.read(key))
        record = self.redis_keys(key)[0]
        fields = ["bearer", "fence", "stored_at"]
        return _session(await self._arun(lambda: side.client.hmget(record, fields)))

    async def aacquire(self, key: str, lease: float) -> int | None:
        side = self._async_side()
        if side is None:
            return await self._in_thread(lambda: self.acquire(key, lease))
        record, lock, _ = self.redis_keys(key)
        args = [_ms(lease), self._ttl_ms]
        found = await self._arun(lambda: side.scripts["acquire"](keys=[record, lock], args=args))
        return None if found is None else int(found)

    async def apublish(self, key: str, fence: int, bearer: str, *, relogin: bool) -> bool:
        side = self._async_side()
        if side is None:
            return await self._in_thread(lambda: self.publish(key, fence, bearer, relogin=relogin))
        keys = list(self.redis_keys(key))
        args = self._publish_args(fence, bearer, relogin)
        return bool(await self._arun(lambda: side.scripts["publish"](keys=keys, args=args)))

    async def arelease(self, key: str, fence: int) -> None:
        side = self._async_side()
        if side is None:
            await self._in_thread(lambda: self.release(key, fence))
            return
        lock = self.redis_keys(key)[1]
        await self._arun(lambda: side.scripts["release"](keys=[lock], args=[fence]))

    async def arelogins(self, key: str, window: float) -> int:
        side = self._async_side()
        if side is None:
            return await self._in_thread(lambda: self.relogins(key, window))
        log = self.redis_keys(key)[2]
        args = [repr(window)]
        return int(await self._arun(lambda: side.scripts["relogins"](keys=[log], args=args)))

    async def aclose(self) -> None:
        """Close the asyncio client this store made for the running loop (given ones stay open)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        side = self._loop_sides.pop(loop, None)
        if side is not None and side.owned:
            await side.client.aclose()


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


def _session(values: Sequence[object]) -> StoredSession | None:
    bearer, fence, stored_at = (_text(value) for value in values)
    if bearer is None or fence is None:
        return None
    return StoredSession(bearer, int(fence), float(stored_at or 0.0))


def _describe(kwargs: dict[str, Any]) -> str:
    """A URL-like name for a given client, without its password."""
    db = kwargs.get("db", 0)
    if kwargs.get("path"):
        return f"unix://{kwargs['path']}?db={db}"
    return f"redis://{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{db}"
