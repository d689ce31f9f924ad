geen beschikking met dit volgnummer
