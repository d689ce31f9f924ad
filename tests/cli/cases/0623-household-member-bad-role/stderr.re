^jeugdroute: household: veld role: verwacht child, parent of carer$
