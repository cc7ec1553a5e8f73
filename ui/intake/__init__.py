"""The 受理 (intake) workspace: choose items, identify the applicant, check materials, decide."""
