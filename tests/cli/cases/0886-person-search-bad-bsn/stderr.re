veld bsn: .*elfproef
