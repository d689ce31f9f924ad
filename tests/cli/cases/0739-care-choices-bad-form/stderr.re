form
