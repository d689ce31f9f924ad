.id == 1 and .bsn == "123456782" and .given_names == "Sanne" and .family_name == "de Vries" and .birth_date == "2015-04-02" and .municipality == "0153" and .version == 1 and .demo == false
