(.help_request // .) as $h | $h.municipality == "0164" and $h.responsible_basis == "residence" and $h.residence_municipality == "0164"
