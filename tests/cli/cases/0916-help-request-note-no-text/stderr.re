veld text
