"""Example apps built on the SDK; `make demo` runs `support_flow` against the simulator."""
