for k, v in do end
