package com.acme.users;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/users")
public class UserController {

    // ruleid: auth-spring-unsecured-mapping
    @GetMapping("/{id}")
    public User find(@PathVariable long id) {
        return users.findById(id).orElseThrow();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/{id}")
    public void delete(@PathVariable long id) {
        users.deleteById(id);
    }

    // ruleid: auth-spring-unsecured-mapping
    @PostMapping
    public User create(@RequestBody User user) {
        return users.save(user);
    }
}
