family_context\[1\]
fighting_divorce
