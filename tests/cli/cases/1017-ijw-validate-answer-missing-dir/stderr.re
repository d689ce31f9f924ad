het antwoord kan niet in .*/nergens geschreven worden
