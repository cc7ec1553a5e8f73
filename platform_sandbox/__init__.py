"""The reference central platform: a real HTTP server speaking the desk's REST contract v1.

See ``docs/platform-contract.md`` (the contract) and ``docs/platform-sandbox.md`` (how to run
it). The desk never imports this package; it talks to it over HTTP or starts it as a process.
"""

API_VERSION = "1"
