veld name: .*2 letters
