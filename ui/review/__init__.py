"""审批: the reviewer's workspace (the department's queue, the case, the decisions)."""
